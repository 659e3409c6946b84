import type { Actor } from '../store/actor';
import { appendAudit } from '../store/audit-log';
import type { Tx } from '../store/open-store';
import type { AuthContext, SignInFactor } from './auth-context';
import { burstPolicy, oddHoursPolicy } from './auth-settings';
import { raiseBurstAlert } from './burst-alert';

/** Which step of signing in an attempt was at. */
export type AttemptStage = 'password' | 'key' | 'otp' | 'totp' | 'recovery-code' | 'unlock' | 'password-change';

/** Why an attempt failed: for the auditor only, never shown at the keyboard. */
export type FailureReason =
  | 'unknown_login'
  | 'wrong_password'
  | 'no_password'
  | 'inactive'
  | 'locked'
  | 'challenge_unknown'
  | 'challenge_used'
  | 'challenge_expired'
  | 'key_unknown'
  | 'key_revoked'
  | 'user_presence'
  | 'counter'
  | 'answer_invalid'
  | 'totp_not_enrolled'
  | 'totp_wrong'
  | 'totp_reused'
  | 'recovery_wrong'
  | 'otp_wrong_key'
  | 'otp_refused';

export interface FailedAttempt {
  stage: AttemptStage;
  reason: FailureReason;
  /** The account or unknown login the attempt was for (lockout.ts `subjectName`); null if unknown. */
  subject: string | null;
  left?: number;
  lockedUntil?: string | null;
}

/**
 * Every failed attempt becomes one audit event in the desk's name (A3), then the desk's recent
 * failures are checked for a burst. Runs in the caller's transaction with the counter update.
 */
export function auditFailedAttempt(tx: Tx, auth: AuthContext, now: Date, attempt: FailedAttempt): void {
  appendAudit(tx, auth.desk, now.toISOString(), {
    action: 'auth.sign_in.failed',
    details: {
      stage: attempt.stage,
      reason: attempt.reason,
      subject: attempt.subject,
      left: attempt.left,
      lockedUntil: attempt.lockedUntil ?? undefined,
    },
  });
  raiseBurstAlert(tx, auth.desk, now, burstPolicy(tx));
}

/** A step that passed but does not yet sign anyone in (the password before the key). */
export function auditStepPassed(tx: Tx, auth: AuthContext, now: Date, stage: AttemptStage, staffId: string): void {
  appendAudit(tx, auth.desk, now.toISOString(), {
    action: 'auth.sign_in.step_passed',
    details: { stage, subject: staffId },
  });
}

/** A completed sign-in or unlock, in the person's own name; at odd hours the auditor hears of it too. */
export function auditSignedIn(
  tx: Tx,
  auth: AuthContext,
  now: Date,
  person: Actor,
  stage: AttemptStage,
  details: { factor: SignInFactor; keyId?: string; recoveryCodesLeft?: number },
): void {
  const at = now.toISOString();
  const action = stage === 'unlock' ? 'auth.unlock.succeeded' : 'auth.sign_in.succeeded';
  appendAudit(tx, person, at, { action, details });
  const oddHours = oddHoursPolicy(tx);
  if (oddHours === null) return;
  const hour = localHour(now, auth.timeZone);
  const odd =
    oddHours.fromHour <= oddHours.toHour
      ? hour >= oddHours.fromHour && hour < oddHours.toHour
      : hour >= oddHours.fromHour || hour < oddHours.toHour;
  if (odd) appendAudit(tx, person, at, { action: 'auth.alert.odd_hours', details: { hour, timeZone: auth.timeZone } });
}

function localHour(now: Date, timeZone: string): number {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now);
  return Number(text);
}
