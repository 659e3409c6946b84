import type { Role } from '../../shared/auth/permissions';
import type { Store } from '../store/open-store';
import type { SyncState } from '../sync/sync-progress';

/** Who is acting, from which workstation. Until staff sign in it is the desk's setup account. */
export interface Actor {
  staffId: string;
  kind: 'setup' | 'person';
  displayName: string;
  role: Role;
  deviceId: string;
  deviceName: string;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Everything a service may use; services reach nothing else. */
export interface ServiceContext {
  store: Store;
  clock: Clock;
  actor: Actor;
  /** The desk's time zone for "today" (Moscow unless the desk says otherwise). */
  timeZone: string;
  /** The sync worker's latest report (not_configured where the desk syncs with no server). */
  syncState(): SyncState;
}
