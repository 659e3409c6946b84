import type { Role } from '../../shared/auth/permissions';

/**
 * Who is acting, from which workstation: the signed-in person, or the desk's setup account for
 * what happens before anyone signs in (the sign-in attempts themselves). It lives with the store
 * because every write the door makes is stamped with it (audit event, outbox entry, row history).
 */
export interface Actor {
  staffId: string;
  kind: 'setup' | 'person';
  displayName: string;
  role: Role;
  deviceId: string;
  deviceName: string;
}
