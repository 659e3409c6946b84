import { AppError } from '../../shared/errors/app-error';
import type { Actor } from '../store/actor';
import { appendAudit } from '../store/audit-log';
import type { AuthContext } from './auth-context';
import type { KeyAnswerInput } from './key-step';
import { verifyPassword } from '../../node-common/password-hash';
import { settlePasswordRecheck } from './password-recheck';
import { findPerson } from './staff-records';
import { finishUnlock } from './unlock';

/** How long a password or key touch counts as recent for `recentAuth` calls (issue 10). */
export const recentAuthMs = 5 * 60_000;

/**
 * The signed-in person types their password again (issue 10). A wrong one counts towards the
 * same lockout as sign-in, so that an unlocked desk is no password-guessing oracle; once the
 * account locks, the caller signs the session out.
 */
export async function reauthenticateWithPassword(auth: AuthContext, actor: Actor, password: string): Promise<void> {
  const staffId = actor.staffId;
  const stored = auth.store.transaction((tx) => findPerson(tx, staffId)?.password_hash ?? null);
  const ok = stored !== null && (await verifyPassword(stored, password));
  const now = auth.clock.now();
  const error = auth.store.transaction((tx) =>
    settlePasswordRecheck(tx, auth, {
      staffId,
      stage: 'password',
      now,
      isRight: () => {
        const person = findPerson(tx, staffId);
        return ok && person !== undefined && person.password_hash === stored && person.active === 1;
      },
      onRight: () =>
        appendAudit(tx, actor, now.toISOString(), { action: 'auth.reauthenticated', details: { method: 'password' } }),
    }),
  );
  if (error) throw error;
}

/**
 * The signed-in person touches their key again: the lock screen's challenge and check (the same
 * person's keys only, failures counted the same way), answered for this person or refused.
 */
export async function reauthenticateWithKey(auth: AuthContext, actor: Actor, input: KeyAnswerInput): Promise<void> {
  const session = await finishUnlock(auth, input);
  if (session.staffId !== actor.staffId) throw new AppError('auth.challenge.expired');
  const at = auth.clock.now().toISOString();
  auth.store.transaction((tx) =>
    appendAudit(tx, actor, at, { action: 'auth.reauthenticated', details: { method: 'key' } }),
  );
}
