import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import { moscowDay } from '../../../shared/domain/application-deadline';
import { rightsActions } from '../../../shared/rights/access-actions';
import { withChangeLog } from '../../sync/change-log';
import { writeServerRow } from '../../sync/server-rows';
import { sweepIntervalMs } from '../applications/deadline-sweeper';
import { startPeriodicPass, type PeriodicPass } from '../../db/periodic-pass';
import type { CabinetDeps } from '../cabinet-deps';
import { recordCabinetRead } from '../chart/chart-read-log';
import { noticeAboutRequest } from './request-notices';
import { requestRow } from './request-rows';

/**
 * One pass (F3, §5.3): every request not done whose last day (`due_on`, a Moscow date) has passed
 * and that is not yet escalated gets `escalated_at` — the server's synced change, so every desk's
 * queue flags it — the clinic's cabinet audit chain gets `record_requests.escalated`, and the
 * patient is told of the delay. Once per request: the mark is set in the same transaction, a
 * marked one is never picked again, and the notice is queued under a key of its own.
 *
 * The clinic has no staff e-mail or inbox the server could write to: the escalation IS the mark
 * (the desks' queue shows it to everyone with `records.release`) and the audit event (the
 * auditor's view). Returns how many were escalated.
 */
export async function sweepOverdueRequests(deps: Pick<CabinetDeps, 'db'>, now: Date): Promise<number> {
  const { db } = deps;
  const today = moscowDay(now);
  const due = await db('records')
    .where({ table_name: 'record_requests' })
    .whereRaw("data->>'status' <> 'done'")
    // ISO dates: text order is day order. Along records_record_requests_due (migration 0014).
    .whereRaw("data->>'due_on' < ?", [today])
    .whereRaw("coalesce(data->>'escalated_at', '') = ''")
    .orderBy('clinic_id')
    .select<{ id: string; clinic_id: string }[]>('id', 'clinic_id');
  let escalated = 0;
  for (const { id, clinic_id: clinicId } of due) {
    if (await escalate(db, clinicId, id, now)) escalated += 1;
  }
  return escalated;
}

async function escalate(db: Knex, clinicId: string, id: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  return withChangeLog(db, { now, clinicId }, async (log) => {
    // Read again under the lock: a desk's `done` or another instance's pass may have come first.
    const row = await requestRow(log.trx, clinicId, id);
    if (!row || row.data.status === 'done' || row.data.escalated_at) return false;
    if (!(String(row.data.due_on) < moscowDay(now))) return false;
    await writeServerRow(log, 'record_requests', id, row, { escalated_at: at }, at);
    const number = String(row.data.number);
    const dueOn = String(row.data.due_on);
    await recordCabinetRead(
      log.trx,
      {
        clinicId,
        accountId: 'server',
        actorRole: 'server',
        patientId: String(row.data.patient_id),
        action: rightsActions.requestEscalated,
        details: { requestId: id, number, dueOn, status: String(row.data.status) },
      },
      now,
    );
    await noticeAboutRequest(
      log.trx,
      {
        clinicId,
        accountId: row.data.account_id,
        requestId: id,
        template: 'record_request_delayed',
        params: { number, dueOn },
      },
      now,
    );
    return true;
  });
}

/** Escalates overdue record requests every `sweepIntervalMs` (as the applications' deadline sweeper). */
export function startRecordRequestSweep(deps: CabinetDeps, log: FastifyBaseLogger): PeriodicPass {
  return startPeriodicPass({
    intervalMs: sweepIntervalMs,
    log,
    pass: () => sweepOverdueRequests(deps, deps.now()),
    logged: (escalated) => (escalated > 0 ? { escalated } : null),
    done: 'overdue record requests escalated',
    failed: 'the record requests sweep failed',
  });
}
