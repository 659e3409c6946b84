import type { Knex } from 'knex';
import { z } from 'zod';
import {
  afterAttempt,
  attemptOutcomes,
  failuresBeforeLock,
  identityMethods,
  type OnlineIdentityStatus,
} from '../../shared/domain/online-identity';
import { HttpError } from '../http/http-error';
import { withChangeLog } from '../sync/change-log';
import { findOnlineIdentity, noAttempts, patientExists, writeOnlineIdentity } from './online-identity-row';

export const identityAttemptSchema = z.strictObject({
  patientId: z.uuid().transform((id) => id.toLowerCase()),
  method: z.enum(identityMethods),
  outcome: z.enum(attemptOutcomes),
});
export type IdentityAttempt = z.output<typeof identityAttemptSchema>;

export interface IdentityAttemptAnswer {
  patientId: string;
  status: OnlineIdentityStatus;
  failedAttempts: number;
  /** Failures the patient has left before online confirmation locks (0 once locked). */
  attemptsLeft: number;
  lockedAt: string | null;
}

/**
 * Records one online identity-confirmation attempt the portal reports (B6). The third failure in
 * a row locks online confirmation: the row goes to `locked` and reaches every desk through the
 * change log, where the patient waits in the verification queue. While locked, attempts are
 * refused (423) — and recorded as refused. Every attempt is kept in `portal_identity_attempts`,
 * in the same transaction as the change it made. Only the portal's clinic's patients are known.
 */
export async function recordIdentityAttempt(
  db: Knex,
  attempt: IdentityAttempt,
  now: Date,
  clinicId: string,
): Promise<IdentityAttemptAnswer> {
  const at = now.toISOString();
  const outcome = await withChangeLog(db, { now, clinicId }, async (log) => {
    if (!(await patientExists(log.trx, attempt.patientId, clinicId))) return { kind: 'unknown' as const };
    const current = await findOnlineIdentity(log.trx, attempt.patientId, clinicId);
    const before = current?.counters ?? noAttempts;
    const record = (result: 'counted' | 'refused_locked', state: typeof before, seq: number | null) =>
      log.trx('portal_identity_attempts').insert({
        clinic_id: clinicId,
        patient_id: attempt.patientId,
        method: attempt.method,
        outcome: attempt.outcome,
        result,
        failed_attempts: state.failedAttempts,
        status: state.status,
        seq,
        at: now,
      });
    if (before.status === 'locked') {
      await record('refused_locked', before, null);
      return { kind: 'locked' as const, state: before };
    }
    const next = afterAttempt(before, attempt.outcome, at);
    const seq = await writeOnlineIdentity(
      log,
      attempt.patientId,
      current,
      { status: next.status, failed_attempts: next.failedAttempts, locked_at: next.lockedAt },
      at,
    );
    await record('counted', next, seq);
    return { kind: 'counted' as const, state: next };
  });
  // Thrown after the commit, so that the refused attempt stays on record.
  if (outcome.kind === 'unknown')
    throw new HttpError(404, 'portal.patient_unknown', { field: 'patientId', params: { id: attempt.patientId } });
  if (outcome.kind === 'locked')
    throw new HttpError(423, 'portal.identity_locked', { params: { failures: outcome.state.failedAttempts } });
  const { state } = outcome;
  return {
    patientId: attempt.patientId,
    status: state.status,
    failedAttempts: state.failedAttempts,
    attemptsLeft: state.status === 'locked' ? 0 : failuresBeforeLock - state.failedAttempts,
    lockedAt: state.lockedAt,
  };
}
