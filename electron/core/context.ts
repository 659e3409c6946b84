import type { Actor } from '../store/actor';
import type { Clock } from '../store/clock';
import type { Store } from '../store/open-store';
import type { SyncState } from '../sync/sync-progress';
import type { AuthContext } from '../auth/auth-context';
import type { HardwareKeyPort } from '../auth/hardware-key-port';
import type { SessionKeeper } from './session-keeper';
import type { ScanPorts } from '../services/scans/scan-ports';
import type { DatabaseKeyAccess } from '../services/db-key/database-key-access';

/**
 * How this host reaches security keys: the page asks them itself (WebAuthn in a browser, Electron
 * on Windows), or the main process asks them through its port (libfido2 on Linux and macOS).
 * Every host says which; there is no "absent" port to forget to check.
 */
export type KeyAccess = { where: 'page' } | { where: 'main-process'; port: HardwareKeyPort };

/**
 * Everything a call's handler may use; services reach nothing else, and each takes only the
 * part it uses (`Pick<ServiceContext, …>`, like `ScanContext`), so a host that builds a smaller
 * context (the command line: `ZonedActorContext`) can only run the services that fit it.
 */
export interface ServiceContext {
  store: Store;
  clock: Clock;
  actor: Actor;
  /** The desk's time zone for "today" (Moscow unless the desk says otherwise). */
  timeZone: string;
  /** The sync worker's latest report (not_configured where the desk syncs with no server). */
  syncState(): SyncState;
  /** The sign-in services' context (the desk's setup account as `desk`, the host's RP). */
  auth: AuthContext;
  /** Who is at the desk; the sign-in calls change it. */
  session: SessionKeeper;
  /** Whether the page or the main process asks the security keys. */
  keys: KeyAccess;
  /** The folder of the program's own files (consent texts). */
  resourcesDir: string;
  /** The scan vault, files on their way in and the scanner (`absentScanPorts` where the desk takes no scans). */
  scans: ScanPorts;
  /** Whether and where the database key can be bound to hardware keys (issue 15, A5). */
  databaseKey: DatabaseKeyAccess;
}

/** What most services use: the store, the clock and who acts. */
export type ActorContext = Pick<ServiceContext, 'store' | 'clock' | 'actor'>;

/** An actor context that also knows the desk's day (ages, validity): what the command line builds. */
export type ZonedActorContext = Pick<ServiceContext, 'store' | 'clock' | 'actor' | 'timeZone'>;
