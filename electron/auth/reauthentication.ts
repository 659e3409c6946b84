import { AppError } from '../../shared/errors/app-error';
import type { Actor } from '../store/actor';
import { appendAudit } from '../store/audit-log';
import type { AuthContext } from './auth-context';
import { lockoutPolicy } from './auth-settings';
import { auditFailedAttempt } from './attempt-audit';
import type { KeyAnswerInput } from './key-step';
import {
  clearFailures,
  countFailure,
  failureError,
  lockMinutesLeft,
  readFailures,
  settleFailures,
  subjectName,
  writeFailures,
} from './lockout';
import { verifyPassword } from './password-hash';
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
  const error = auth.store.transaction((tx) => {
    const subject = { kind: 'staff', staffId } as const;
    const policy = lockoutPolicy(tx);
    const state = settleFailures(readFailures(tx, subject), policy, now);
    const lockedFor = lockMinutesLeft(state, now);
    if (lockedFor !== null) {
      auditFailedAttempt(tx, auth, now, { stage: 'password', reason: 'locked', subject: staffId, left: 0 });
      return new AppError('auth.locked', { params: { minutes: lockedFor } });
    }
    const person = findPerson(tx, staffId);
    if (!ok || !person || person.password_hash !== stored || person.active !== 1) {
      const outcome = countFailure(state, policy, now);
      writeFailures(tx, subject, outcome.state, policy, now);
      auditFailedAttempt(tx, auth, now, {
        stage: 'password',
        reason: 'wrong_password',
        subject: subjectName(subject),
        left: outcome.left,
        lockedUntil: outcome.state.lockedUntil,
      });
      return failureError('auth.failed', outcome);
    }
    clearFailures(tx, staffId);
    appendAudit(tx, actor, now.toISOString(), { action: 'auth.reauthenticated', details: { method: 'password' } });
    return null;
  });
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
