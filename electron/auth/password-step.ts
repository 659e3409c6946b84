import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { z } from 'zod';
import { authCalls } from '../../shared/api/auth-calls';
import type { AppError } from '../../shared/errors/app-error';
import type { Tx } from '../store/open-store';
import type { AuthContext } from './auth-context';
import { lockoutPolicy } from './auth-settings';
import { auditFailedAttempt, auditStepPassed, type FailureReason } from './attempt-audit';
import { issueChallenge } from './challenges';
import { sessionDeviceId, startSession, statementChallenge } from './session-keys';
import { parseInput } from '../../shared/errors/zod-issues';
import {
  countFailure,
  failureError,
  lockMinutesLeft,
  readFailures,
  settleFailures,
  subjectName,
  writeFailures,
  type AttemptSubject,
} from './lockout';
import { loginDigest } from './login-name';
import { verifyAgainstNothing, verifyPassword } from '../../node-common/password-hash';
import { recoveryCodesOffered } from './recovery-codes';
import { totpOffered } from './totp-enrolment';
import { findPerson, findPersonByLogin, type PersonRow } from './staff-records';
import { activeKeys, assertionOptions, type StoredKey } from './webauthn-assertion';

const beginSignInSchema = authCalls['auth.beginSignIn'].input;
export type BeginSignInInput = z.input<typeof beginSignInSchema>;

/** The password was right: what the second step needs. */
export interface SecondStep {
  /** The step's id: handed back with the key's answer, a TOTP code or a recovery code. */
  attemptId: string;
  expiresAt: string;
  /** For the key (HardwareKeyPort.get / navigator.credentials.get); null when the person has none. */
  publicKey: PublicKeyCredentialRequestOptionsJSON | null;
  /** The backup factors this person has (A2). */
  totp: boolean;
  recoveryCodes: boolean;
  /** The person has a YubiKey for one-time passwords. */
  otp: boolean;
}

type Decision =
  | { ok: false; error: AppError }
  | {
      ok: true;
      attemptId: string;
      challenge: string;
      expiresAt: string;
      keys: StoredKey[];
      totp: boolean;
      recoveryCodes: boolean;
      otp: boolean;
    };

/**
 * The first step of signing in (A2, A3): login and password. Whether the login exists, is
 * locked, or the password is wrong, the answer costs one argon2 check and is `auth.failed` with
 * the attempts left (or `auth.locked`); only a right password on an active, unlocked account
 * gets a second step. The second step, not this one, completes the sign-in.
 */
export async function beginSignIn(auth: AuthContext, input: BeginSignInInput): Promise<SecondStep> {
  const { login, password } = parseInput(beginSignInSchema, input);
  const person = auth.store.transaction((tx) => findPersonByLogin(tx, login));
  // Checked even for a locked account, so that a lock does not answer faster than a wrong password.
  const passwordOk = person?.password_hash
    ? await verifyPassword(person.password_hash, password)
    : await verifyAgainstNothing(password);
  const now = auth.clock.now();

  const decision = auth.store.transaction((tx): Decision => {
    const policy = lockoutPolicy(tx);
    const current = person ? findPerson(tx, person.id) : undefined;
    const subject: AttemptSubject = current
      ? { kind: 'staff', staffId: current.id }
      : { kind: 'unknown', digest: loginDigest(login) };
    const state = settleFailures(readFailures(tx, subject), policy, now);
    const lockedFor = lockMinutesLeft(state, now);
    if (lockedFor !== null) {
      auditFailedAttempt(tx, auth, now, {
        stage: 'password',
        reason: 'locked',
        subject: subjectName(subject),
        left: 0,
      });
      return { ok: false, error: failureError('auth.failed', { left: 0, lockedMinutes: lockedFor }) };
    }
    const reason: FailureReason | null = failedBecause(current, person?.password_hash ?? null, passwordOk);
    if (!current || reason !== null) {
      const outcome = countFailure(state, policy, now);
      writeFailures(tx, subject, outcome.state, policy, now);
      auditFailedAttempt(tx, auth, now, {
        stage: 'password',
        reason: reason ?? 'unknown_login',
        subject: subjectName(subject),
        left: outcome.left,
        lockedUntil: outcome.state.lockedUntil,
      });
      return { ok: false, error: failureError('auth.failed', outcome) };
    }
    const staffId = current.id;
    // The attempt's session key pair and statement (session-keys.ts): the key signs the statement.
    const pending = startSession({ staffId, deviceId: sessionDeviceId(tx, auth.desk.deviceId) }, now);
    const issued = issueChallenge(tx, staffId, 'sign-in', now, {
      id: pending.attemptId,
      challenge: statementChallenge(pending.statement),
    });
    auditStepPassed(tx, auth, now, 'password', staffId);
    return {
      ok: true,
      attemptId: issued.id,
      challenge: issued.challenge,
      expiresAt: issued.expiresAt,
      keys: activeKeys(tx, staffId),
      totp: totpOffered(tx, staffId),
      recoveryCodes: recoveryCodesOffered(tx, staffId),
      otp: hasOtpKey(tx, staffId),
    };
  });
  if (!decision.ok) throw decision.error;
  return {
    attemptId: decision.attemptId,
    expiresAt: decision.expiresAt,
    publicKey: decision.keys.length > 0 ? await assertionOptions(auth.rp, decision.challenge, decision.keys) : null,
    totp: decision.totp,
    recoveryCodes: decision.recoveryCodes,
    otp: decision.otp,
  };
}

/** Why the password step fails, or null when it passes. */
function failedBecause(
  current: PersonRow | undefined,
  checkedHash: string | null,
  passwordOk: boolean,
): FailureReason | null {
  if (!current) return 'unknown_login';
  if (current.password_hash === null) return 'no_password';
  // The hash checked must still be the account's: a reset in between makes the check stale.
  if (!passwordOk || current.password_hash !== checkedHash) return 'wrong_password';
  if (current.active !== 1) return 'inactive';
  return null;
}

function hasOtpKey(tx: Tx, staffId: string): boolean {
  return (
    tx.get("SELECT 1 FROM staff_keys WHERE staff_id = ? AND kind = 'yubikey-otp' AND revoked_at IS NULL LIMIT 1", [
      staffId,
    ]) !== undefined
  );
}
