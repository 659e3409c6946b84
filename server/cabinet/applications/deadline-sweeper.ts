import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import { withChangeLog } from '../../sync/change-log';
import { notify } from './decision-follow-up';
import { startPeriodicPass, type PeriodicPass } from '../../db/periodic-pass';
import type { CabinetDeps } from '../cabinet-deps';
import { appendEvent, findApplication, writeServerRow } from './application-rows';

/** How often the sweeper looks for applications past their deadline. */
export const sweepIntervalMs = 60_000;

/** Undecided: the review's deadline still runs. */
const undecided = ['submitted', 'in_review'] as const;

/**
 * One pass (C2, §3.4): every undecided application past its deadline and not yet flagged is
 * marked overdue and escalated (the support queue; the auditor sees it), its journal gets
 * `overdue` and `escalated`, and the patient is told of the delay — once per application: the
 * flag is set in the same transaction, and a flagged one is never picked again. Returns how many
 * were flagged.
 */
export async function sweepOverdue(deps: Pick<CabinetDeps, 'db'>, at: Date): Promise<number> {
  const { db } = deps;
  const due = await db('records')
    .where({ table_name: 'applications' })
    .whereRaw(`data->>'status' IN (${undecided.map(() => '?').join(', ')})`, [...undecided])
    // Deadlines are UTC ISO instants (the server's, and a desk's as its rule requires): text order is time order.
    .whereRaw("data->>'overdue_at' IS NULL")
    .whereRaw("data->>'due_at' < ?", [at.toISOString()])
    .orderBy('clinic_id')
    .select<{ id: string; clinic_id: string }[]>('id', 'clinic_id');
  let flagged = 0;
  for (const { id, clinic_id: clinicId } of due) {
    if (await flagOverdue(db, clinicId, id, at)) flagged += 1;
  }
  return flagged;
}

async function flagOverdue(db: Knex, clinicId: string, id: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  return withChangeLog(db, { now, clinicId }, async (log) => {
    // Read again under the lock: a decision or another instance's pass may have come first.
    const row = await findApplication(log.trx, clinicId, id);
    if (!row || !undecided.some((status) => status === row.data.status) || row.data.overdue_at) return false;
    await writeServerRow(log, 'applications', id, row, { overdue_at: at, escalated_at: at }, at);
    const dueAt = String(row.data.due_at);
    await appendEvent(
      log,
      { applicationId: id, kind: 'overdue', actorKind: 'server', actorId: null, detail: { dueAt } },
      at,
    );
    await appendEvent(log, { applicationId: id, kind: 'escalated', actorKind: 'server', actorId: null }, at);
    await notify(log, row, 'email', 'application_delayed', { number: String(row.data.number), dueAt }, now);
    return true;
  });
}

/** Flags overdue applications, escalates them and tells the patient (C2, §3.4). */
export function startDeadlineSweeper(deps: CabinetDeps, log: FastifyBaseLogger): PeriodicPass {
  return startPeriodicPass({
    intervalMs: sweepIntervalMs,
    log,
    pass: () => sweepOverdue(deps, deps.now()),
    logged: (flagged) => (flagged > 0 ? { flagged } : null),
    done: 'overdue applications flagged and escalated',
    failed: 'the deadline sweep failed',
  });
}
