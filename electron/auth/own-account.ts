import type { z } from 'zod';
import { authCalls } from '../../shared/api/auth-calls';
import { assertPasswordPolicy } from '../../shared/auth/password-policy';
import { AppError } from '../../shared/errors/app-error';
import type { ProvenSession } from '../../shared/sync/session-proof';
import type { Actor } from '../store/actor';
import type { Tx } from '../store/open-store';
import { appendAudit } from '../store/audit-log';
import type { AuthContext } from './auth-context';
import { parseInput } from '../../shared/errors/zod-issues';
import { hashPassword, verifyPassword } from '../../node-common/password-hash';
import { settlePasswordRecheck } from './password-recheck';
import { updateStaff } from './person-rows';
import { issueRecoveryCodes } from './recovery-codes';
import { secondFactorServer } from './second-factor-server';
import { requirePerson } from './staff-records';

const changeSchema = authCalls['account.changePassword'].input;

function signedInPerson(actor: Actor): string {
  if (actor.kind !== 'person') throw new AppError('forbidden');
  return actor.staffId;
}

/**
 * A person replaces their password. The current one is asked again (a desk left signed in must
 * not let a passer-by take the account over), and a wrong one counts towards the lockout.
 */
export async function changePassword(
  auth: AuthContext,
  actor: Actor,
  input: z.input<typeof changeSchema>,
): Promise<void> {
  const staffId = signedInPerson(actor);
  const { currentPassword, newPassword } = parseInput(changeSchema, input);
  assertPasswordPolicy(newPassword, 'newPassword');
  const stored = auth.store.transaction((tx) => requirePerson(tx, staffId).password_hash);
  const ok = stored !== null && (await verifyPassword(stored, currentPassword));
  const newHash = ok ? await hashPassword(newPassword) : null;
  const now = auth.clock.now();
  const at = now.toISOString();
  const error = auth.store.transaction((tx) =>
    settlePasswordRecheck(tx, auth, {
      staffId,
      stage: 'password-change',
      now,
      isRight: () => newHash !== null && requirePerson(tx, staffId).password_hash === stored,
      onRight: () => {
        updateStaff(tx, actor, at, staffId, {
          password_hash: newHash,
          password_changed_at: at,
          must_change_password: 0,
        });
        appendAudit(tx, actor, at, { action: 'auth.password.changed', details: { staffId } });
      },
    }),
  );
  if (error) throw error;
}

/**
 * A new printed set (the old unused codes stop working), e.g. after using one; shown once. On a
 * desk enrolled with a server the server makes and keeps them (HMAC under its pepper) and needs
 * the person's proven session (`proven`); a lone desk keeps them itself, as argon2id.
 */
export async function renewRecoveryCodes(auth: AuthContext, actor: Actor, proven?: ProvenSession): Promise<string[]> {
  const staffId = signedInPerson(actor);
  const issued = (tx: Tx, codes: string[]) =>
    appendAudit(tx, actor, auth.clock.now().toISOString(), {
      action: 'auth.recovery_codes.issued',
      details: { staffId, count: codes.length },
    });
  const server = auth.store.transaction((tx) => {
    if (requirePerson(tx, staffId).active !== 1) throw new AppError('forbidden');
    return secondFactorServer(auth.store);
  });
  if (server) {
    if (!proven || proven.statement.staffId !== staffId) throw new AppError('factor.session.unproven');
    const codes = await server.renewRecoveryCodes(proven);
    auth.store.transaction((tx) => issued(tx, codes));
    return codes;
  }
  return auth.store.transaction((tx) => {
    const codes = issueRecoveryCodes(tx, actor, staffId, auth.clock.now().toISOString());
    issued(tx, codes);
    return codes;
  });
}
