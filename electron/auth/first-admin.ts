import type { z } from 'zod';
import { authCalls } from '../../shared/api/auth-calls';
import { assertPasswordPolicy } from '../../shared/auth/password-policy';
import { AppError } from '../../shared/errors/app-error';
import type { Actor } from '../store/actor';
import { appendAudit } from '../store/audit-log';
import { newId } from '../store/ids';
import type { Tx } from '../store/open-store';
import { readSyncIdentity } from '../sync/sync-settings';
import type { AuthContext, StaffSession } from './auth-context';
import { parseInput } from '../../shared/errors/zod-issues';
import { hashPassword } from '../../node-common/password-hash';
import { insertPerson } from './person-rows';
import { issueRecoveryCodes } from './recovery-codes';
import { requirePerson, sessionFor } from './staff-records';

const setupSchema = authCalls['auth.setupFirstAdmin'].input;
export type FirstAdminInput = z.input<typeof setupSchema>;

/**
 * The first-run screen is offered while no person has an account — and never on a desk enrolled
 * with a server (issue 10): there the people come from the server, and a local "first admin"
 * would be refused by it while still signing in here.
 */
export function needsFirstAdmin(auth: Pick<AuthContext, 'store'>): boolean {
  return auth.store.transaction((tx) => !hasPerson(tx) && !enrolled(tx));
}

function enrolled(tx: Tx): boolean {
  return readSyncIdentity(tx) !== undefined;
}

function refuseSetup(tx: Tx): void {
  if (enrolled(tx)) throw new AppError('auth.setup.enrolled_desk');
  if (hasPerson(tx)) throw new AppError('auth.setup.done');
}

function hasPerson(tx: Tx): boolean {
  return tx.get<{ one: number }>("SELECT 1 AS one FROM staff WHERE kind = 'person' LIMIT 1") !== undefined;
}

/**
 * First run (A1): while no person has an account, whoever set up the desk creates the first
 * admin. The answer carries ten recovery codes, shown this once (only their hashes are kept),
 * and a session flagged `mustEnrolKey`, so that the admin enrols a key before anything else —
 * they typed the password at this desk a moment ago, and there is no key yet to ask for.
 */
export async function setupFirstAdmin(
  auth: AuthContext,
  input: FirstAdminInput,
): Promise<{ session: StaffSession; recoveryCodes: string[] }> {
  const { login, displayName, password } = parseInput(setupSchema, input);
  assertPasswordPolicy(password);
  // Checked before the slow hash too, so that a second setup is refused at once.
  auth.store.transaction((tx) => refuseSetup(tx));
  const passwordHash = await hashPassword(password);
  const now = auth.clock.now();
  const at = now.toISOString();
  return auth.store.transaction((tx) => {
    refuseSetup(tx);
    // The first admin is the actor of their own account and codes: the desk's setup account
    // stays on its desk, and the server takes a first admin only from themself (bootstrap).
    const staffId = newId();
    const self: Actor = {
      staffId,
      kind: 'person',
      displayName,
      role: 'admin',
      deviceId: auth.desk.deviceId,
      deviceName: auth.desk.deviceName,
    };
    insertPerson(tx, self, at, { login, displayName, role: 'admin', passwordHash, mustChangePassword: false }, staffId);
    const recoveryCodes = issueRecoveryCodes(tx, self, staffId, at);
    appendAudit(tx, auth.desk, at, {
      action: 'auth.setup.first_admin',
      details: { staffId, login, recoveryCodes: recoveryCodes.length },
    });
    return { session: sessionFor(tx, requirePerson(tx, staffId), 'first-run', at), recoveryCodes };
  });
}
