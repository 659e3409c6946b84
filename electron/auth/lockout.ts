import { AppError } from '../../shared/errors/app-error';
import type { ErrorCode } from '../../shared/errors/catalog';
import {
  clearStaffFailures,
  writeStaffFailures,
  writeUnknownLoginFailures,
} from '../store/local-writers/lockout-counters';
import type { Tx } from '../store/open-store';
import type { LockoutPolicy } from './auth-settings';

/**
 * Lockout (A3). The same rules run for a real account (columns on `staff`) and for a login that
 * does not exist (`auth_unknown_logins`): an unknown login counts down 4, 3, 2, 1, locks for the
 * same 15 minutes and starts again at 4 afterwards, exactly like a real one. Were the unknown
 * one to answer "4 left" forever, two tries would tell an outsider which logins are real.
 *
 * Failures older than the lock window stop counting. That bounds the one difference left: a
 * real account whose owner mistyped a few minutes ago shows fewer attempts than a fresh unknown
 * login would, but only within that window.
 */
export interface FailureState {
  failedAttempts: number;
  lastFailedAt: string | null;
  lockedUntil: string | null;
}

export const noFailures: FailureState = { failedAttempts: 0, lastFailedAt: null, lockedUntil: null };

/** Whose counter an attempt moves: a person's account, or a login nobody has. */
export type AttemptSubject = { kind: 'staff'; staffId: string } | { kind: 'unknown'; digest: string };

const minute = 60_000;

/** The state as it stands at `now`: an ended lock and stale failures no longer count. */
export function settleFailures(state: FailureState, policy: LockoutPolicy, now: Date): FailureState {
  const time = now.getTime();
  if (state.lockedUntil !== null) return Date.parse(state.lockedUntil) > time ? state : noFailures;
  if (state.lastFailedAt !== null && time - Date.parse(state.lastFailedAt) >= policy.lockMinutes * minute)
    return noFailures;
  return state;
}

/** Whole minutes (rounded up) until the lock ends, or null when the subject is not locked. */
export function lockMinutesLeft(state: FailureState, now: Date): number | null {
  if (state.lockedUntil === null) return null;
  const left = Date.parse(state.lockedUntil) - now.getTime();
  return left > 0 ? Math.ceil(left / minute) : null;
}

export interface FailureOutcome {
  state: FailureState;
  /** Attempts left before the lock; 0 once locked. */
  left: number;
  /** Set when this failure started a lock. */
  lockedMinutes: number | null;
}

/** One more failure on an unlocked subject. */
export function countFailure(state: FailureState, policy: LockoutPolicy, now: Date): FailureOutcome {
  const failedAttempts = settleFailures(state, policy, now).failedAttempts + 1;
  const lastFailedAt = now.toISOString();
  if (failedAttempts >= policy.maxAttempts) {
    const lockedUntil = new Date(now.getTime() + policy.lockMinutes * minute).toISOString();
    return { state: { failedAttempts, lastFailedAt, lockedUntil }, left: 0, lockedMinutes: policy.lockMinutes };
  }
  return {
    state: { failedAttempts, lastFailedAt, lockedUntil: null },
    left: policy.maxAttempts - failedAttempts,
    lockedMinutes: null,
  };
}

/** What the person at the keyboard is told: the attempts left, or how long the lock lasts. */
export function failureError(code: ErrorCode, outcome: { left: number; lockedMinutes: number | null }): AppError {
  return outcome.lockedMinutes !== null
    ? new AppError('auth.locked', { params: { minutes: outcome.lockedMinutes } })
    : new AppError(code, { params: { left: outcome.left } });
}

export function readFailures(tx: Tx, subject: AttemptSubject): FailureState {
  const row =
    subject.kind === 'staff'
      ? tx.get<{ failed_attempts: number; last_failed_at: string | null; locked_until: string | null }>(
          'SELECT failed_attempts, last_failed_at, locked_until FROM staff WHERE id = ?',
          [subject.staffId],
        )
      : tx.get<{ failed_attempts: number; last_failed_at: string | null; locked_until: string | null }>(
          'SELECT failed_attempts, last_failed_at, locked_until FROM auth_unknown_logins WHERE login_digest = ?',
          [subject.digest],
        );
  return row
    ? { failedAttempts: row.failed_attempts, lastFailedAt: row.last_failed_at, lockedUntil: row.locked_until }
    : noFailures;
}

export function writeFailures(
  tx: Tx,
  subject: AttemptSubject,
  state: FailureState,
  policy: LockoutPolicy,
  now: Date,
): void {
  if (subject.kind === 'staff') {
    writeStaffFailures(tx, subject.staffId, state);
    return;
  }
  // Rows for unknown logins are only worth keeping while they still count: prune the rest here.
  const stale = new Date(now.getTime() - policy.lockMinutes * minute).toISOString();
  writeUnknownLoginFailures(tx, subject.digest, state, stale, now.toISOString());
}

/** A completed sign-in (or an admin's reset) starts the count again. */
export function clearFailures(tx: Tx, staffId: string): void {
  clearStaffFailures(tx, staffId);
}

/** How the audit log names the subject: the staff id, or a prefix of the unknown login's digest. */
export function subjectName(subject: AttemptSubject): string {
  return subject.kind === 'staff' ? subject.staffId : `login-sha256:${subject.digest.slice(0, 32)}`;
}
