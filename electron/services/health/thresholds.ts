import { AppError } from '../../../shared/errors/app-error';
import {
  defaultThresholds,
  thresholdFields,
  thresholdProblems,
  type HealthThresholds,
} from '../../../shared/health/thresholds';
import type { ActorContext } from '../../core/context';
import type { ReadTx } from '../../store/open-store';
import { insertRecord, updateRecord } from '../../store/record-door';

type ThresholdRow = HealthThresholds & { id: string };

/** The clinic's row (the newest, should two desks have made one each before they met), if any. */
function thresholdRow(tx: ReadTx): ThresholdRow | undefined {
  return tx.get<ThresholdRow>(
    `SELECT id, ${thresholdFields.join(', ')} FROM health_thresholds ORDER BY version DESC, updated_at DESC LIMIT 1`,
  );
}

/** The clinic's thresholds, or the defaults while it has none (`isDefault`). */
export function readThresholds(tx: ReadTx): { thresholds: HealthThresholds; isDefault: boolean } {
  const row = thresholdRow(tx);
  if (!row) return { thresholds: defaultThresholds, isDefault: true };
  const thresholds = Object.fromEntries(thresholdFields.map((field) => [field, row[field]])) as HealthThresholds;
  return { thresholds, isDefault: false };
}

/**
 * An admin sets the clinic's thresholds (G5) through the door: the row (made the first time), its
 * audit event and its outbox entry; the server judges it again. Amber after red is refused here
 * already, under the red field (the call's schema has refused anything not a whole number above zero).
 */
export function setThresholds(ctx: ActorContext, input: HealthThresholds): { saved: true } {
  const problem = thresholdProblems(input)[0];
  if (problem) {
    const code = problem.problem === 'order' ? 'health.threshold_order' : 'health.threshold_invalid';
    throw new AppError(code, { field: problem.field });
  }
  const fields = Object.fromEntries(thresholdFields.map((field) => [field, input[field]]));
  ctx.store.transaction((tx) => {
    const door = { tx, actor: ctx.actor, at: ctx.clock.now().toISOString() };
    const audit = { action: 'health.thresholds.set', details: fields };
    const row = thresholdRow(tx);
    if (row) updateRecord(door, 'ops.manage', 'health_thresholds', row.id, fields, audit);
    else insertRecord(door, 'ops.manage', 'health_thresholds', fields, audit);
  });
  return { saved: true };
}
