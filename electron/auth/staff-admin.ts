import type { z } from 'zod';
import { staffCalls } from '../../shared/api/staff-calls';
import { assertPasswordPolicy } from '../../shared/auth/password-policy';
import type { Role } from '../../shared/auth/permissions';
import { AppError } from '../../shared/errors/app-error';
import type { Actor } from '../store/actor';
import { appendAudit } from '../store/audit-log';
import type { Tx } from '../store/open-store';
import type { AuthContext } from './auth-context';
import { parseInput } from '../../shared/errors/zod-issues';
import { clearFailures } from './lockout';
import { hashPassword } from '../../node-common/password-hash';
import { insertPerson, updateStaff } from './person-rows';
import { issueRecoveryCodes } from './recovery-codes';
import { assertAdmin, requirePerson } from './staff-records';

/** A person's account as the admin's staff list shows it; no secrets. */
export interface StaffSummary {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  active: boolean;
  /** The end of a running lock, or null. */
  lockedUntil: string | null;
  keys: number;
  totp: boolean;
  recoveryCodesLeft: number;
  mustEnrolKey: boolean;
  mustChangePassword: boolean;
  /** Why the server refused this account, which is then disabled here (issue 10); null if it did not. */
  serverRefused: string | null;
}

const createSchema = staffCalls['staff.create'].input;
const staffRefSchema = staffCalls['staff.deactivate'].input;
const resetSchema = staffCalls['staff.resetPassword'].input;

/**
 * An admin adds a person (A1) with a first password the person replaces at first sign-in, and
 * gets their ten recovery codes to print and hand over: with one of them and the password the
 * person can sign in the first time and enrol their own key, if the admin does not enrol it.
 */
export async function createStaff(
  auth: AuthContext,
  actor: Actor,
  input: z.input<typeof createSchema>,
): Promise<{ staff: StaffSummary; recoveryCodes: string[] }> {
  const parsed = parseInput(createSchema, input);
  auth.store.transaction((tx) => assertAdmin(tx, actor));
  assertPasswordPolicy(parsed.password);
  const passwordHash = await hashPassword(parsed.password);
  const at = auth.clock.now().toISOString();
  return auth.store.transaction((tx) => {
    assertAdmin(tx, actor);
    const staffId = insertPerson(tx, actor, at, {
      login: parsed.login,
      displayName: parsed.displayName,
      role: parsed.role,
      passwordHash,
      mustChangePassword: true,
    });
    const recoveryCodes = issueRecoveryCodes(tx, actor, staffId, at);
    appendAudit(tx, actor, at, {
      action: 'staff.created',
      details: { staffId, login: parsed.login, role: parsed.role },
    });
    return { staff: summary(tx, staffId, at), recoveryCodes };
  });
}

/** Deactivation stops every sign-in at once; the account and its history stay. */
export function deactivateStaff(auth: AuthContext, actor: Actor, input: z.input<typeof staffRefSchema>): StaffSummary {
  const { staffId } = parseInput(staffRefSchema, input);
  const at = auth.clock.now().toISOString();
  return auth.store.transaction((tx) => {
    assertAdmin(tx, actor);
    const person = requirePerson(tx, staffId);
    if (person.active === 1) {
      if (person.role === 'admin' && activeAdmins(tx) <= 1) throw new AppError('staff.last_admin');
      updateStaff(tx, actor, at, staffId, { active: 0 });
      appendAudit(tx, actor, at, { action: 'staff.deactivated', details: { staffId } });
    }
    return summary(tx, staffId, at);
  });
}

/** A forgotten password: the admin sets a new one, which also ends a lock. */
export async function resetPassword(
  auth: AuthContext,
  actor: Actor,
  input: z.input<typeof resetSchema>,
): Promise<StaffSummary> {
  const { staffId, password } = parseInput(resetSchema, input);
  auth.store.transaction((tx) => {
    assertAdmin(tx, actor);
    requirePerson(tx, staffId);
  });
  assertPasswordPolicy(password);
  const passwordHash = await hashPassword(password);
  const at = auth.clock.now().toISOString();
  return auth.store.transaction((tx) => {
    assertAdmin(tx, actor);
    requirePerson(tx, staffId);
    updateStaff(tx, actor, at, staffId, {
      password_hash: passwordHash,
      password_changed_at: at,
      must_change_password: 1,
    });
    clearFailures(tx, staffId);
    appendAudit(tx, actor, at, { action: 'staff.password_reset', details: { staffId } });
    return summary(tx, staffId, at);
  });
}

export function listStaff(auth: AuthContext, actor: Actor): StaffSummary[] {
  const at = auth.clock.now().toISOString();
  return auth.store.transaction((tx) => {
    assertAdmin(tx, actor);
    return tx
      .all<{ id: string }>("SELECT id FROM staff WHERE kind = 'person' ORDER BY display_name, login")
      .map((row) => summary(tx, row.id, at));
  });
}

function activeAdmins(tx: Tx): number {
  return (
    tx.get<{ n: number }>("SELECT count(*) AS n FROM staff WHERE kind = 'person' AND role = 'admin' AND active = 1")
      ?.n ?? 0
  );
}

function summary(tx: Tx, staffId: string, at: string): StaffSummary {
  const row = tx.get<{
    id: string;
    login: string;
    display_name: string;
    role: Role;
    active: number;
    locked_until: string | null;
    totp: number;
    must_enrol_key: number;
    must_change_password: number;
    server_refused_code: string | null;
    keys: number;
    codes: number;
  }>(
    `SELECT s.id, s.login, s.display_name, s.role, s.active, s.locked_until, s.must_enrol_key, s.must_change_password,
       -- an enrolled desk's secret is on the server: only when it was enrolled travels
       (s.totp_secret IS NOT NULL OR s.totp_enrolled_at IS NOT NULL) AS totp, s.server_refused_code,
       (SELECT count(*) FROM staff_keys k WHERE k.staff_id = s.id AND k.revoked_at IS NULL) AS keys,
       (SELECT count(*) FROM recovery_codes r WHERE r.staff_id = s.id AND r.used_at IS NULL AND r.revoked_at IS NULL) AS codes
     FROM staff s WHERE s.id = ?`,
    [staffId],
  );
  if (!row) throw new AppError('staff.not_found');
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1 && row.server_refused_code === null,
    lockedUntil: row.locked_until !== null && row.locked_until > at ? row.locked_until : null,
    keys: row.keys,
    totp: row.totp === 1,
    recoveryCodesLeft: row.codes,
    mustEnrolKey: row.must_enrol_key === 1 || row.keys === 0,
    mustChangePassword: row.must_change_password === 1,
    serverRefused: row.server_refused_code,
  };
}
