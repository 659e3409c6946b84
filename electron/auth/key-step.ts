import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { z } from 'zod';
import { authCalls } from '../../shared/api/auth-calls';
import { AppError } from '../../shared/errors/app-error';
import type { AuthContext, StaffSession } from './auth-context';
import { auditFailedAttempt, type AttemptStage } from './attempt-audit';
import { consumeChallenge, type ChallengePurpose } from './challenges';
import { parseInput } from '../../shared/errors/zod-issues';
import { settleSecondStep } from './second-step';
import { dropSession, openSession } from './session-keys';
import type { StatementProof } from '../../shared/sync/session-proof';
import { recordProvenSession } from '../store/local-writers/proven-sessions';
import { checkAssertion, keyByCredential, recordKeyUse, type StoredKey } from './webauthn-assertion';

/** The key's answer to a sign-in or unlock challenge (the two calls take the same input). */
const keyAnswerSchema = authCalls['auth.finishSignIn'].input;
export type KeyAnswerInput = z.input<typeof keyAnswerSchema>;

/** The second step with the hardware key: completes the sign-in begun by `beginSignIn`. */
export function finishSignIn(auth: AuthContext, input: KeyAnswerInput): Promise<StaffSession> {
  return finishWithKey(auth, input, 'sign-in', 'key');
}

/**
 * A key's answer to a challenge of `purpose`, for sign-in and for the lock screen alike. The
 * challenge is spent in a first transaction, the answer checked outside any (the library is
 * asynchronous), and the outcome settled in a second one.
 */
export async function finishWithKey(
  auth: AuthContext,
  input: KeyAnswerInput,
  purpose: ChallengePurpose,
  stage: AttemptStage,
): Promise<StaffSession> {
  const { attemptId, answer } = parseInput(keyAnswerSchema, input);
  const taken = takeChallenge(auth, attemptId, purpose, stage, answer);
  const check = await checkAssertion(auth.rp, taken.challenge, answer, taken.key);
  const now = auth.clock.now();
  const at = now.toISOString();
  const result = auth.store.transaction((tx) => {
    const step = settleSecondStep(tx, auth, now, taken.staffId, stage, () => {
      if (!check.ok) return { ok: false, reason: check.reason, code: 'auth.key.refused', keyId: check.keyId };
      // Another answer with the same key may have moved the counter since the check.
      if (!recordKeyUse(tx, check, at))
        return { ok: false, reason: 'counter', code: 'auth.key.refused', keyId: check.key.id };
      return { ok: true, factor: 'webauthn', details: { keyId: check.key.id } };
    });
    if (!step.ok || purpose !== 'sign-in') return step;
    // The key signed the attempt's session statement: its assertion is the session's proof.
    const opened = openSession(attemptId, assertionProof(answer));
    if (!opened) return { ok: false as const, error: new AppError('auth.challenge.expired') };
    recordProvenSession(tx, opened.proven, at);
    return { ok: true as const, session: { ...step.session, proven: opened } };
  });
  if (!result.ok) {
    dropSession(attemptId);
    throw result.error;
  }
  return result.session;
}

/** The assertion as the session's proof (shared/sync/session-proof.ts), as the key answered it. */
function assertionProof(answer: AuthenticationResponseJSON): StatementProof {
  return {
    kind: 'webauthn',
    credentialId: answer.id,
    clientDataJSON: answer.response.clientDataJSON,
    authenticatorData: answer.response.authenticatorData,
    signature: answer.response.signature,
  };
}

function takeChallenge(
  auth: AuthContext,
  attemptId: string,
  purpose: ChallengePurpose,
  stage: AttemptStage,
  answer: AuthenticationResponseJSON,
): { staffId: string; challenge: string; key: StoredKey | undefined } {
  const now = auth.clock.now();
  const taken = auth.store.transaction((tx) => {
    const consumed = consumeChallenge(tx, attemptId, purpose, now);
    if (!consumed.ok || consumed.staffId === null) {
      const reason = consumed.ok ? 'challenge_unknown' : consumed.reason;
      auditFailedAttempt(tx, auth, now, { stage, reason, subject: consumed.staffId });
      return undefined;
    }
    return {
      staffId: consumed.staffId,
      challenge: consumed.challenge,
      key: keyByCredential(tx, consumed.staffId, answer.id),
    };
  });
  // Thrown after the commit, so that the spent challenge and the audit event stay written.
  if (!taken) throw new AppError('auth.challenge.expired');
  return taken;
}
