import { AppError } from '../../shared/errors/app-error';
import type { Tx } from '../store/open-store';
import type { AuthContext } from './auth-context';
import { lockoutPolicy } from './auth-settings';
import { auditFailedAttempt, type AttemptStage } from './attempt-audit';
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

/**
 * A signed-in person's password typed again (re-authentication, a password change), settled in
 * the caller's transaction by the sign-in lockout rules: a locked account is refused, a wrong
 * password is counted and audited, a right one (`isRight`, judged inside the transaction so a
 * password changed meanwhile counts as wrong) clears the failures and runs `onRight`.
 * Answers the refusal, or null.
 */
export function settlePasswordRecheck(
  tx: Tx,
  auth: AuthContext,
  check: { staffId: string; stage: AttemptStage; now: Date; isRight: () => boolean; onRight: () => void },
): AppError | null {
  const { staffId, stage, now } = check;
  const subject = { kind: 'staff', staffId } as const;
  const policy = lockoutPolicy(tx);
  const state = settleFailures(readFailures(tx, subject), policy, now);
  const lockedFor = lockMinutesLeft(state, now);
  if (lockedFor !== null) {
    auditFailedAttempt(tx, auth, now, { stage, reason: 'locked', subject: staffId, left: 0 });
    return new AppError('auth.locked', { params: { minutes: lockedFor } });
  }
  if (!check.isRight()) {
    const outcome = countFailure(state, policy, now);
    writeFailures(tx, subject, outcome.state, policy, now);
    auditFailedAttempt(tx, auth, now, {
      stage,
      reason: 'wrong_password',
      subject: subjectName(subject),
      left: outcome.left,
      lockedUntil: outcome.state.lockedUntil,
    });
    return failureError('auth.failed', outcome);
  }
  check.onRight();
  clearFailures(tx, staffId);
  return null;
}
