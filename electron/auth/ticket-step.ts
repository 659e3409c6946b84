import { AppError } from '../../shared/errors/app-error';
import type { TicketFactor } from '../../shared/sync/session-proof';
import type { Tx } from '../store/open-store';
import type { AuthContext, StaffSession } from './auth-context';
import { auditFailedAttempt, type AttemptStage, type FailureReason } from './attempt-audit';
import { consumeChallenge } from './challenges';
import type { SecondFactorServer } from './second-factor-server';
import { settleSecondStep, type FactorVerdict } from './second-step';
import { dropSession, openTicketSession, pendingSession } from './session-keys';

/** How one factor's online check is named in this desk's audit, and what its acceptance adds here. */
export interface TicketStep {
  factor: TicketFactor;
  stage: AttemptStage;
  /** The audit's reason when the server refused the code. */
  refusedReason: FailureReason;
  /** After the server accepted: this desk's own bookkeeping (a key's last use), its details. */
  accepted?: (tx: Tx, staffId: string, at: string) => { keyId?: string } | undefined;
}

/**
 * On a desk enrolled with a server the code is the server's to check (issue 10, items 1 and 2):
 * the desk spends its challenge, sends the code with the attempt's session statement, and the
 * server's ticket proves the session. The server counts wrong codes for the person at every desk;
 * this desk audits the attempt and keeps its own lockout as for any second step.
 */
export async function finishWithTicket(
  auth: AuthContext,
  server: SecondFactorServer,
  attemptId: string,
  step: TicketStep,
  code: string,
): Promise<StaffSession> {
  const { factor, stage } = step;
  const now = auth.clock.now();
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
      if (!answer) return { ok: false, reason: step.refusedReason, code: refusal!.code };
      const local = step.accepted?.(tx, staffId, settledAt.toISOString());
      const left = answer.recoveryCodesLeft;
      const details = { ...local, ...(left === undefined ? {} : { recoveryCodesLeft: left }) };
      return { ok: true, factor, ...(Object.keys(details).length === 0 ? {} : { details }) };
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
    // A recovery code was the last resort, and old codes the server dropped need a new set:
    // lead to enrolling a key first.
    mustEnrolKey: result.session.mustEnrolKey || factor === 'recovery-code',
    ...(proven ? { proven } : {}),
  };
}
