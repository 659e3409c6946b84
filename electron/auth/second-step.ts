import { AppError } from '../../shared/errors/app-error';
import type { ErrorCode } from '../../shared/errors/catalog';
import { appendAudit } from '../store/audit-log';
import type { Tx } from '../store/open-store';
import type { AuthContext, SignInFactor, StaffSession } from './auth-context';
import { lockoutPolicy } from './auth-settings';
import { auditFailedAttempt, auditSignedIn, type AttemptStage, type FailureReason } from './attempt-audit';
import {
  clearFailures,
  countFailure,
  failureError,
  lockMinutesLeft,
  readFailures,
  settleFailures,
  subjectName,
  writeFailures,
  type AttemptSubject,
} from './lockout';
import { findPerson, personActor, sessionFor, type PersonRow } from './staff-records';

/** What the factor said about the person, decided inside the settling transaction. */
export type FactorVerdict =
  | { ok: true; factor: SignInFactor; details?: { keyId?: string; recoveryCodesLeft?: number } }
  | { ok: false; reason: FailureReason; code: ErrorCode; keyId?: string };

export type StepResult = { ok: true; session: StaffSession } | { ok: false; error: AppError };

/**
 * Ends a second step (key, TOTP, recovery code, unlock) for a person in one transaction: the
 * lock is checked first, the factor's verdict is taken only from an active, unlocked account,
 * and the outcome moves the lockout counter and is audited together with it. The verdict's own
 * writes (a key's counter, a TOTP step, a spent code) commit only with a success.
 */
export function settleSecondStep(
  tx: Tx,
  auth: AuthContext,
  now: Date,
  staffId: string,
  stage: AttemptStage,
  verdictOf: (person: PersonRow) => FactorVerdict,
): StepResult {
  const policy = lockoutPolicy(tx);
  const person = findPerson(tx, staffId);
  const subject: AttemptSubject = { kind: 'staff', staffId };
  const state = settleFailures(readFailures(tx, subject), policy, now);
  const lockedFor = lockMinutesLeft(state, now);
  if (!person) {
    // Staff rows are never deleted, so this is a challenge for an account that never was.
    auditFailedAttempt(tx, auth, now, { stage, reason: 'unknown_login', subject: subjectName(subject) });
    return { ok: false, error: new AppError('auth.challenge.expired') };
  }
  if (lockedFor !== null) {
    auditFailedAttempt(tx, auth, now, { stage, reason: 'locked', subject: subjectName(subject), left: 0 });
    return { ok: false, error: new AppError('auth.locked', { params: { minutes: lockedFor } }) };
  }
  const verdict: FactorVerdict =
    person.active === 1 ? verdictOf(person) : { ok: false, reason: 'inactive', code: 'auth.failed' };
  if (!verdict.ok) {
    const outcome = countFailure(state, policy, now);
    writeFailures(tx, subject, outcome.state, policy, now);
    auditFailedAttempt(tx, auth, now, {
      stage,
      reason: verdict.reason,
      subject: subjectName(subject),
      left: outcome.left,
      lockedUntil: outcome.state.lockedUntil,
    });
    // A validly signed answer whose counter did not grow: two copies of one key are in use.
    if (verdict.reason === 'counter') {
      appendAudit(tx, auth.desk, now.toISOString(), {
        action: 'auth.alert.key_clone',
        details: { subject: staffId, keyId: verdict.keyId },
      });
    }
    return { ok: false, error: failureError(verdict.code, outcome) };
  }
  clearFailures(tx, staffId);
  const fresh = findPerson(tx, staffId) ?? person;
  auditSignedIn(tx, auth, now, personActor(fresh, auth.desk), stage, { factor: verdict.factor, ...verdict.details });
  return { ok: true, session: sessionFor(tx, fresh, verdict.factor, now.toISOString()) };
}
