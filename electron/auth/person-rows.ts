import type { Role } from '../../shared/auth/permissions';
import { AppError } from '../../shared/errors/app-error';
import type { Actor } from '../store/actor';
import { newId } from '../store/ids';
import { forgetUnknownLogin } from '../store/local-writers/lockout-counters';
import type { Tx } from '../store/open-store';
import { insertSyncedRow, updateSyncedRow, type FieldValue } from '../store/record-door';
import { loginDigest } from './login-name';

export interface NewPerson {
  login: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  /** An admin chose the password: the person replaces it at first sign-in. */
  mustChangePassword: boolean;
}

/**
 * Writes a person's account through the door's synced write (row + outbox entry), so that the
 * person can sign in at every desk once it has synced. The caller checks rights and audits.
 * `id` is given for a first admin, who is the actor of their own creation.
 */
export function insertPerson(tx: Tx, by: Actor, at: string, person: NewPerson, id: string = newId()): string {
  if (tx.get<{ one: number }>('SELECT 1 AS one FROM staff WHERE login = ?', [person.login])) {
    throw new AppError('staff.login.taken', { field: 'login' });
  }
  insertSyncedRow(
    { tx, actor: by, at },
    'staff',
    {
      login: person.login,
      display_name: person.displayName,
      role: person.role,
      active: 1,
      password_hash: person.passwordHash,
      password_changed_at: at,
      must_change_password: person.mustChangePassword ? 1 : 0,
      must_enrol_key: 1,
    },
    id,
  );
  // Failures counted against this login while it did not exist are not the new person's.
  forgetUnknownLogin(tx, loginDigest(person.login));
  return id;
}

/**
 * Changes synced fields of a person's account (row history, outbox entry, who and when); the
 * caller checks rights and audits. Per-desk columns (lockout, pending TOTP) have their own writers
 * in `store/local-writers/`.
 */
export function updateStaff(tx: Tx, by: Actor, at: string, staffId: string, fields: Record<string, FieldValue>): void {
  if (!updateSyncedRow({ tx, actor: by, at }, 'staff', staffId, fields)) throw new AppError('staff.not_found');
}
