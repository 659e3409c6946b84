import { relyingParty, type AuthContext, type StaffSession } from '../auth/auth-context';
import type { ScanPorts } from '../services/scans/scan-ports';
import type { Store } from '../store/open-store';
import { initialSyncState, type SyncState } from '../sync/sync-progress';
import type { Actor } from '../store/actor';
import type { Clock } from '../store/clock';
import type { ServiceContext } from './context';
import { SessionKeeper } from './session-keeper';

/**
 * A context whose actor is fixed rather than signed in: the command line (run by whoever holds
 * the database key, acting as the desk's setup account), benchmarks and service tests. Its
 * session stays active and never idles out, so calls go through the dispatcher's usual checks.
 */
export function fixedActorContext(options: { store: Store; clock: Clock; actor: Actor; syncState?: () => SyncState; scans?: ScanPorts }): ServiceContext {
  const { store, clock, actor } = options;
  const timeZone = 'Europe/Moscow';
  const auth: AuthContext = { store, clock, desk: actor, rp: relyingParty({ rpId: 'localhost', origin: 'http://localhost' }), timeZone };
  const session = new SessionKeeper(() => Number.POSITIVE_INFINITY);
  const standing: StaffSession = {
    staffId: actor.staffId,
    login: actor.kind === 'setup' ? 'desk-setup' : actor.staffId,
    displayName: actor.displayName,
    role: actor.role,
    factor: 'first-run',
    signedInAt: clock.now().toISOString(),
    mustEnrolKey: false,
    mustChangePassword: false,
  };
  session.signIn(standing, clock.now());
  return { store, clock, actor, timeZone, syncState: options.syncState ?? (() => initialSyncState), auth, session, ...(options.scans ? { scans: options.scans } : {}) };
}
