import type { Role } from '../../shared/auth/permissions';
import { AppError } from '../../shared/errors/app-error';
import type { Actor } from '../core/context';
import { newId } from '../store/ids';
import type { Tx } from '../store/open-store';
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
 * Writes a person's account with its sync columns filled in. Staff rows are local for now (not
 * in the sync protocol's tables), so this is a plain insert rather than the record door.
 */
export function insertPerson(tx: Tx, by: Actor, at: string, person: NewPerson): string {
  if (tx.get<{ one: number }>('SELECT 1 AS one FROM staff WHERE login = ?', [person.login])) {
    throw new AppError('staff.login.taken', { field: 'login' });
  }
  const id = newId();
  tx.run(
    `INSERT INTO staff (id, version, created_at, created_by, updated_at, updated_by, device_id, login, display_name, role, kind, active,
       password_hash, password_changed_at, must_change_password, must_enrol_key)
     VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 'person', 1, ?, ?, ?, 1)`,
    [id, at, by.staffId, at, by.staffId, by.deviceId, person.login, person.displayName, person.role, person.passwordHash, at, person.mustChangePassword ? 1 : 0],
  );
  // Failures counted against this login while it did not exist are not the new person's.
  tx.run('DELETE FROM auth_unknown_logins WHERE login_digest = ?', [loginDigest(person.login)]);
  return id;
}

/** Marks who changed a staff row and when, as every synced row carries. */
export function touchStaff(tx: Tx, staffId: string, by: Actor, at: string): void {
  tx.run('UPDATE staff SET updated_at = ?, updated_by = ?, device_id = ? WHERE id = ?', [at, by.staffId, by.deviceId, staffId]);
}
