import { can, type Role } from '../../shared/auth/permissions';
import { AppError } from '../../shared/errors/app-error';
import type { Actor } from '../store/actor';
import type { Tx } from '../store/open-store';
import type { StaffSession } from './auth-context';

/** A person's account as sign-in reads it. */
export interface PersonRow {
  id: string;
  login: string;
  display_name: string;
  role: Role;
  active: number;
  password_hash: string | null;
  must_enrol_key: number;
  must_change_password: number;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
}

// A person the server refused to take (issue 10, migration 0018) counts as inactive on this desk.
const personColumns = `id, login, display_name, role,
  CASE WHEN server_refused_code IS NULL THEN active ELSE 0 END AS active, password_hash, must_enrol_key,
  must_change_password, totp_secret, totp_pending_secret, totp_last_step`;

/** Only people sign in: the setup account has no password and is never found here. */
export function findPersonByLogin(tx: Tx, login: string): PersonRow | undefined {
  return tx.get<PersonRow>(`SELECT ${personColumns} FROM staff WHERE login = ? AND kind = 'person'`, [login]);
}

export function findPerson(tx: Tx, staffId: string): PersonRow | undefined {
  return tx.get<PersonRow>(`SELECT ${personColumns} FROM staff WHERE id = ? AND kind = 'person'`, [staffId]);
}

export function requirePerson(tx: Tx, staffId: string): PersonRow {
  const person = findPerson(tx, staffId);
  if (!person) throw new AppError('staff.not_found', { field: 'staffId' });
  return person;
}

/** The actor a person's own audit events are written as, on this desk. */
export function personActor(person: PersonRow, desk: Actor): Actor {
  return {
    staffId: person.id,
    kind: 'person',
    displayName: person.display_name,
    role: person.role,
    deviceId: desk.deviceId,
    deviceName: desk.deviceName,
  };
}

export function sessionFor(tx: Tx, person: PersonRow, factor: StaffSession['factor'], at: string): StaffSession {
  const activeKeys = tx.get<{ n: number }>(
    // Either kind is a hardware key (A2): a FIDO2 key or a YubiKey typing OTPs.
    'SELECT count(*) AS n FROM staff_keys WHERE staff_id = ? AND revoked_at IS NULL',
    [person.id],
  )?.n;
  return {
    staffId: person.id,
    login: person.login,
    displayName: person.display_name,
    role: person.role,
    factor,
    signedInAt: at,
    mustEnrolKey: person.must_enrol_key === 1 || activeKeys === 0,
    mustChangePassword: person.must_change_password === 1,
  };
}

/**
 * The acting person, read again from the database: a session outlives role changes and
 * deactivation, and staff management must follow the account as it is now, not as it was.
 */
function currentActor(tx: Tx, actor: Actor): PersonRow | undefined {
  if (actor.kind !== 'person') return undefined;
  const person = findPerson(tx, actor.staffId);
  return person && person.active === 1 ? person : undefined;
}

/** Staff management is the admin's (A1): `staff.manage`. */
export function assertAdmin(tx: Tx, actor: Actor): void {
  const person = currentActor(tx, actor);
  if (!person || !can(person.role, 'staff.manage')) throw new AppError('forbidden');
}

/** A person manages their own factors; an admin manages anyone's. */
export function assertSelfOrAdmin(tx: Tx, actor: Actor, staffId: string): void {
  const person = currentActor(tx, actor);
  if (!person) throw new AppError('forbidden');
  if (person.id !== staffId && !can(person.role, 'staff.manage')) throw new AppError('forbidden');
}
