import type { z } from 'zod';
import { authCalls } from '../../shared/api/auth-calls';
import { AppError } from '../../shared/errors/app-error';
import { stampKeyUse } from '../store/local-writers/key-use';
import type { AuthContext, StaffSession } from './auth-context';
import { auditFailedAttempt } from './attempt-audit';
import { consumeChallenge } from './challenges';
import { settleSecondStep } from './second-step';
import { normalizeYubikeyOtp, type YubikeyVerdict } from './yubikey-client';
import { secondFactorServer } from './second-factor-server';
import { finishWithTicket, type TicketStep } from './ticket-step';
import type { Tx } from '../store/open-store';
import { parseInput } from '../../shared/errors/zod-issues';

const otpAnswerSchema = authCalls['auth.finishSignInWithOtp'].input;

/** The person's own, unrevoked YubiKey with this public id, as this desk last pulled it. */
function ownOtpKey(tx: Tx, staffId: string, publicId: string): string | undefined {
  return tx.get<{ id: string }>(
    "SELECT id FROM staff_keys WHERE staff_id = ? AND kind = 'yubikey-otp' AND yubikey_public_id = ? AND revoked_at IS NULL",
    [staffId, publicId],
  )?.id;
}

/** The ticket path's step: the server checked the OTP; this desk stamps its key's last use. */
function otpStep(otp: string): TicketStep {
  return {
    factor: 'yubikey-otp',
    stage: 'otp',
    refusedReason: 'otp_refused',
    accepted: (tx, staffId, at) => {
      const keyId = ownOtpKey(tx, staffId, otp.slice(0, otp.length - 32));
      if (keyId) stampKeyUse(tx, keyId, at);
      return keyId ? { keyId } : undefined;
    },
  };
}

/**
 * The second step with a YubiKey's one-time password (A2). The central server holds the keys'
 * AES secrets and counters, so a replayed OTP is refused at every desk. On a desk enrolled with
 * it (issue 10) the OTP goes with the attempt's session statement to the server, which checks
 * that the key is the person's and answers with the ticket that proves the session
 * (ticket-step.ts); YK-VAL is then only used to link a key at enrolment. A desk that asks YK-VAL
 * (`auth.verifyOtp`) checks itself that the key is one of the person's own, not revoked. With no
 * authority configured or reachable, the person is told to use the FIDO2 key instead and the
 * attempt is not counted against them: it was not a guess.
 */
export async function finishSignInWithOtp(
  auth: AuthContext,
  input: z.input<typeof otpAnswerSchema>,
): Promise<StaffSession> {
  const { attemptId, otp } = parseInput(otpAnswerSchema, input);
  // Malformed OTPs never leave the desk (and are no attempt: the challenge stays usable).
  const normalized = normalizeYubikeyOtp(otp);
  const server = secondFactorServer(auth.store);
  if (server) return finishWithTicket(auth, server, attemptId, otpStep(normalized), normalized);
  if (!auth.verifyOtp) throw new AppError('yubikey.not_configured');
  const now = auth.clock.now();
  const staffId = auth.store.transaction((tx) => {
    const consumed = consumeChallenge(tx, attemptId, 'sign-in', now);
    if (consumed.ok && consumed.staffId !== null) return consumed.staffId;
    auditFailedAttempt(tx, auth, now, {
      stage: 'otp',
      reason: consumed.ok ? 'challenge_unknown' : consumed.reason,
      subject: consumed.staffId,
    });
    return undefined;
  });
  if (staffId === undefined) throw new AppError('auth.challenge.expired');
  const verdict: YubikeyVerdict = await auth.verifyOtp(normalized);
  const settledAt = auth.clock.now();
  const result = auth.store.transaction((tx) =>
    settleSecondStep(tx, auth, settledAt, staffId, 'otp', () => {
      if (verdict.status !== 'OK') return { ok: false, reason: 'otp_refused', code: 'auth.otp.refused' };
      const keyId = ownOtpKey(tx, staffId, verdict.publicId);
      if (!keyId) return { ok: false, reason: 'otp_wrong_key', code: 'auth.otp.wrong_key' };
      stampKeyUse(tx, keyId, settledAt.toISOString());
      return { ok: true, factor: 'yubikey-otp', details: { keyId } };
    }),
  );
  if (!result.ok) throw result.error;
  return result.session;
}
