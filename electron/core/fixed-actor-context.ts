import { relyingParty, type AuthContext, type StaffSession } from '../auth/auth-context';
import { absentScanPorts } from '../services/scans/absent-scan-ports';
import type { ScanPorts } from '../services/scans/scan-ports';
import type { DatabaseKeyAccess } from '../services/db-key/database-key-access';
import type { Store } from '../store/open-store';
import { initialSyncState, type SyncState } from '../sync/sync-progress';
import type { Actor } from '../store/actor';
import type { Clock } from '../store/clock';
import type { ZonedActorContext, KeyAccess, ServiceContext } from './context';
import { sourceResourcesDir } from './resources-dir';
import { SessionKeeper } from './session-keeper';

/** The desk's time zone for "today" until a desk can say otherwise. */
export const deskTimeZone = 'Europe/Moscow';

/**
 * Who acts, outside any call: the command line (run by whoever holds the database key) and the
 * sync worker's dictionary imports. No session, no sign-in, no scans: only the services that take
 * a `ZonedActorContext` (or less) can run with it, and the compiler says which.
 */
export function actingContext(options: { store: Store; clock: Clock; actor: Actor }): ZonedActorContext {
  return { store: options.store, clock: options.clock, actor: options.actor, timeZone: deskTimeZone };
}

/**
 * A whole call context whose actor is fixed rather than signed in: benchmarks and service tests
 * that go through the dispatcher. Its session stays active and never idles out, so calls go
 * through the dispatcher's usual checks. The page asks the keys; without `scans` the context
 * keeps none (`absentScanPorts`: scan calls are refused with `scan.unavailable`).
 */
export function fixedActorContext(options: {
  store: Store;
  clock: Clock;
  actor: Actor;
  syncState?: () => SyncState;
  scans?: ScanPorts;
  keys?: KeyAccess;
  resourcesDir?: string;
  databaseKey?: DatabaseKeyAccess;
}): ServiceContext {
  const { store, clock, actor } = options;
  const timeZone = deskTimeZone;
  const rp = relyingParty({ rpId: 'localhost', origin: 'http://localhost' });
  const auth: AuthContext = { store, clock, desk: actor, rp, timeZone };
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
  return {
    store,
    clock,
    actor,
    timeZone,
    syncState: options.syncState ?? (() => initialSyncState),
    auth,
    session,
    keys: options.keys ?? { where: 'page' },
    resourcesDir: options.resourcesDir ?? sourceResourcesDir,
    scans: options.scans ?? absentScanPorts,
    databaseKey: options.databaseKey ?? { where: 'not-here' },
  };
}
