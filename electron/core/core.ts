import type { HardwareKeyPort } from '../auth/hardware-key-port';
import type { ApiEnvelope } from '../../shared/api/facade';
import type { DatabaseKeyAccess } from '../services/db-key/database-key-access';

/** What a host (Electron, the browser host, a test) needs from the workstation's core. */
export interface Core {
  /** Runs one contract call: validates the input, checks the permission, runs the service. */
  dispatch(name: string, input: unknown): Promise<ApiEnvelope<unknown>>;
  close(): Promise<void>;
}

export interface CoreOptions {
  /** Path of the SQLCipher database file. */
  dbPath: string;
  /** The 256-bit database key. */
  key: Buffer;
  /** Create the database when it does not exist (first run). Never overwrites an existing file. */
  create: boolean;
  /** This workstation's name as staff see it (defaults to the host name). */
  deviceName?: string;
  /**
   * The SQLite addon to load instead of the one in node_modules: under Electron in development
   * the Node build there has the wrong ABI, and scripts/start-electron.mjs builds a copy.
   */
  nativeBinding?: string;
  /**
   * The WebAuthn relying party of this host: one fixed RP id and the origin its page runs on
   * (README: "Staff sign-in"). Checked once here, so that a typo fails at start-up.
   */
  relyingParty: { rpId: string; origin: string };
  /** Where the main process reaches the security keys itself (libfido2 on Linux and macOS). */
  hardwareKey?: HardwareKeyPort;
  /**
   * The program's own files (consent texts): the packaged app's resources folder, where
   * electron-builder's extraResources put them; the source tree's `resources/` when absent.
   */
  resourcesDir?: string;
  /** Whether this host can bind the database key to hardware keys (the browser host can). */
  databaseKey?: DatabaseKeyAccess;
}
