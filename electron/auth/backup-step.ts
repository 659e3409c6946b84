import type { z } from 'zod';
import { authCalls } from '../../shared/api/auth-calls';
import { AppError } from '../../shared/errors/app-error';
import type { Tx } from '../store/open-store';
import { updateStaff } from './person-rows';
import type { AuthContext, StaffSession } from './auth-context';
import { auditFailedAttempt, type AttemptStage } from './attempt-audit';
import { consumeChallenge } from './challenges';
import { parseInput } from '../../shared/errors/zod-issues';
import { spendRecoveryCode } from './recovery-codes';
import { settleSecondStep, type FactorVerdict, type StepResult } from './second-step';
import { personActor, type PersonRow } from './staff-records';
import { verifyTotpCode } from './totp';
import { spendLocalTotpStep } from '../store/local-writers/pending-totp';
import { secondFactorServer, type SecondFactorServer } from './second-factor-server';
import { dropSession, openTicketSession, pendingSession } from './session-keys';
import type { TicketFactor } from '../../shared/sync/session-proof';

const totpAnswerSchema = authCalls['auth.finishSignInWithTotp'].input;
const recoveryAnswerSchema = authCalls['auth.finishSignInWithRecoveryCode'].input;
export type TotpAnswerInput = z.input<typeof totpAnswerSchema>;
export type RecoveryAnswerInput = z.input<typeof recoveryAnswerSchema>;

/** The second step with an authenticator app's code, when the key is not at hand (A2). */
export async function finishSignInWithTotp(auth: AuthContext, input: TotpAnswerInput): Promise<StaffSession> {
  const { attemptId, code } = parseInput(totpAnswerSchema, input);
  const server = secondFactorServer(auth.store);
  if (server) return finishOnline(auth, server, attemptId, 'totp', code);
  const now = auth.clock.now();
  return settleBackup(auth, now, attemptId, 'totp', (tx, person) => {
    if (person.totp_secret === null) return { ok: false, reason: 'totp_not_enrolled', code: 'auth.totp.wrong' };
    const check = verifyTotpCode(person.totp_secret, code, now, person.totp_last_step);
    if (!check.ok)
      return {
        ok: false,
        reason: check.reason,
        code: check.reason === 'totp_reused' ? 'auth.totp.reused' : 'auth.totp.wrong',
      };
    // A lone desk's own: nothing leaves it (an enrolled desk asks the server, above).
    spendLocalTotpStep(tx, person.id, check.step);
    return { ok: true, factor: 'totp' };
  });
}

/**
 * The last resort (A2): one printed recovery code, spent for good. The account is flagged so
 * that the person enrols a new key before anything else.
 */
export async function finishSignInWithRecoveryCode(
  auth: AuthContext,
  input: RecoveryAnswerInput,
): Promise<StaffSession> {
  const { attemptId, code } = parseInput(recoveryAnswerSchema, input);
  const server = secondFactorServer(auth.store);
  if (server) return finishOnline(auth, server, attemptId, 'recovery-code', code);
  const now = auth.clock.now();
  return settleBackup(auth, now, attemptId, 'recovery-code', (tx, person) => {
    // The person proved themself with password and code: they are the actor of spending it.
    const self = personActor(person, auth.desk);
    const left = spendRecoveryCode(tx, self, person.id, code, now.toISOString());
    if (left === null) return { ok: false, reason: 'recovery_wrong', code: 'auth.recovery.wrong' };
    updateStaff(tx, self, now.toISOString(), person.id, { must_enrol_key: 1 });
    return { ok: true, factor: 'recovery-code', details: { recoveryCodesLeft: left } };
  });
}

/**
 * Spends the sign-in challenge and settles the backup factor in one transaction: both checks
 * are synchronous, so a code cannot be raced against itself.
 */
function settleBackup(
  auth: AuthContext,
  now: Date,
  attemptId: string,
  stage: AttemptStage,
  verdictOf: (tx: Tx, person: PersonRow) => FactorVerdict,
): StaffSession {
  const result = auth.store.transaction((tx): StepResult => {
    const consumed = consumeChallenge(tx, attemptId, 'sign-in', now);
    if (!consumed.ok || consumed.staffId === null) {
      auditFailedAttempt(tx, auth, now, {
        stage,
        reason: consumed.ok ? 'challenge_unknown' : consumed.reason,
        subject: consumed.staffId,
      });
      return { ok: false, error: new AppError('auth.challenge.expired') };
    }
    return settleSecondStep(tx, auth, now, consumed.staffId, stage, (person) => verdictOf(tx, person));
  });
  // Thrown after the commit, so that the spent challenge, the counter and the audit event stay.
  if (!result.ok) throw result.error;
  return result.session;
}

/**
 * On a desk enrolled with a server the code is the server's to check (issue 10, item 2): the
 * desk spends its challenge, sends the code with the attempt's session statement, and the
 * server's ticket proves the session. The server counts wrong codes for the person at every desk;
 * this desk audits the attempt and keeps its own lockout as for any second step.
 */
async function finishOnline(
  auth: AuthContext,
  server: SecondFactorServer,
  attemptId: string,
  factor: Extract<TicketFactor, 'totp' | 'recovery-code'>,
  code: string,
): Promise<StaffSession> {
  const now = auth.clock.now();
  const stage: AttemptStage = factor;
  const staffId = auth.store.transaction((tx) => {
    const consumed = consumeChallenge(tx, attemptId, 'sign-in', now);
    if (consumed.ok && consumed.staffId !== null) return consumed.staffId;
    auditFailedAttempt(tx, auth, now, {
      stage,
      reason: consumed.ok ? 'challenge_unknown' : consumed.reason,
      subject: consumed.staffId,
    });
    return undefined;
  });
  const pending = pendingSession(attemptId);
  if (staffId === undefined || !pending || pending.statement.staffId !== staffId) {
    dropSession(attemptId);
    throw new AppError('auth.challenge.expired');
  }
  let refusal: AppError | undefined;
  const answer = await server.signIn({ statement: pending.statement, factor, code }).catch((error: unknown) => {
    if (!(error instanceof AppError)) throw error;
    refusal = error;
    return undefined;
  });
  const settledAt = auth.clock.now();
  const result = auth.store.transaction((tx) =>
    settleSecondStep(tx, auth, settledAt, staffId, stage, (): FactorVerdict => {
      if (!answer)
        return { ok: false, reason: factor === 'totp' ? 'totp_wrong' : 'recovery_wrong', code: refusal!.code };
      const left = answer.recoveryCodesLeft;
      return { ok: true, factor, ...(left === undefined ? {} : { details: { recoveryCodesLeft: left } }) };
    }),
  );
  if (!result.ok || !answer) {
    dropSession(attemptId);
    // The server's refusal (its attempts left, its lock) is what the person is told.
    throw refusal ?? (result.ok ? new AppError('factor.offline') : result.error);
  }
  const proven = openTicketSession(attemptId, factor, answer.signature);
  return {
    ...result.session,
    // A recovery code was the last resort: lead to enrolling a key first.
    mustEnrolKey: result.session.mustEnrolKey || factor === 'recovery-code',
    ...(proven ? { proven } : {}),
  };
}
