import type { Actor } from '../store/actor';
import type { Clock } from '../store/clock';
import type { Store } from '../store/open-store';
import type { SyncState } from '../sync/sync-progress';
import type { AuthContext } from '../auth/auth-context';
import type { HardwareKeyPort } from '../auth/hardware-key-port';
import type { SessionKeeper } from './session-keeper';
import type { ScanPorts } from '../services/scans/scan-ports';

/** Everything a service may use; services reach nothing else. */
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
  /** The security keys, where the main process reaches them (libfido2); absent where the page does. */
  hardwareKey?: HardwareKeyPort;
  /** The folder of the program's own files (consent texts); the source tree's `resources/` when absent. */
  resourcesDir?: string;
  /** The scan vault, files on their way in and the scanner; absent where the desk takes no scans (the CLI). */
  scans?: ScanPorts;
}
