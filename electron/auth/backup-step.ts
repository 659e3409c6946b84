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
import { secondFactorServer } from './second-factor-server';
import { finishWithTicket, type TicketStep } from './ticket-step';

const totpAnswerSchema = authCalls['auth.finishSignInWithTotp'].input;
const recoveryAnswerSchema = authCalls['auth.finishSignInWithRecoveryCode'].input;
export type TotpAnswerInput = z.input<typeof totpAnswerSchema>;
export type RecoveryAnswerInput = z.input<typeof recoveryAnswerSchema>;

const totpStep: TicketStep = { factor: 'totp', stage: 'totp', refusedReason: 'totp_wrong' };
const recoveryStep: TicketStep = { factor: 'recovery-code', stage: 'recovery-code', refusedReason: 'recovery_wrong' };

/** The second step with an authenticator app's code, when the key is not at hand (A2). */
export async function finishSignInWithTotp(auth: AuthContext, input: TotpAnswerInput): Promise<StaffSession> {
  const { attemptId, code } = parseInput(totpAnswerSchema, input);
  const server = secondFactorServer(auth.store);
  if (server) return finishWithTicket(auth, server, attemptId, totpStep, code);
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
  if (server) return finishWithTicket(auth, server, attemptId, recoveryStep, code);
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
