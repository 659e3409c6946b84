import { noteLength, restrictionBasisLength } from '../../../shared/api/chart-access-calls';
import type { ErrorCode } from '../../../shared/errors/catalog';
import { restrictionReasons } from '../../../shared/rights/restrictions';
import type { Mutation, MutationResult } from '../../../shared/sync/protocol';
import { refusal, type RowState, type TableRule } from '../../sync/table-rules';
import { fixedFieldChanged, isIsoInstant, isOneOf, isText } from './rule-values';

const liftFields: readonly string[] = ['lifted_at', 'lifted_by', 'lift_reason'];

/** A new restriction: a lawful reason, its basis document, decided by the person who pushes it, not lifted. */
function refuseNew(mutation: Mutation): MutationResult | null {
  const row = mutation.changed;
  const refuse = (code: ErrorCode, field?: string) => refusal(mutation, code, field);
  if (typeof row.patient_id !== 'string' || row.patient_id === '') return refuse('input.required', 'patient_id');
  if (row.entry_id !== null && row.entry_id !== undefined && typeof row.entry_id !== 'string')
    return refuse('input.type', 'entry_id');
  if (!isOneOf(restrictionReasons, row.reason)) return refuse('chart.restriction.reason', 'reason');
  if (!isText(row.basis, restrictionBasisLength.min, restrictionBasisLength.max))
    return refuse('chart.restriction.basis', 'basis');
  if (row.decided_by !== mutation.actorId) return refuse('chart.restriction.actor_mismatch', 'decided_by');
  if (!isIsoInstant(row.decided_at)) return refuse('input.format', 'decided_at');
  for (const field of liftFields) {
    if (row[field] !== null && row[field] !== undefined) return refuse('chart.restriction.field_fixed', field);
  }
  return null;
}

/** A change of a restriction: only its lifting, once, by the pusher, with a reason. */
function refuseLift(mutation: Mutation, current: RowState): MutationResult | null {
  const before = current.data;
  const refuse = (code: ErrorCode, field?: string) => refusal(mutation, code, field);
  if (before.lifted_at !== null && before.lifted_at !== undefined)
    return refuse('chart.restriction.lifted', 'lifted_at');
  const fixed = fixedFieldChanged(before, mutation.changed, liftFields);
  if (fixed !== null) return refuse('chart.restriction.field_fixed', fixed);
  const after = { ...before, ...mutation.changed };
  if (after.lifted_by !== mutation.actorId) return refuse('chart.restriction.actor_mismatch', 'lifted_by');
  if (!isIsoInstant(after.lifted_at)) return refuse('input.format', 'lifted_at');
  if (!isText(after.lift_reason, noteLength.min, noteLength.max))
    return refuse('chart.restriction.lift_reason', 'lift_reason');
  return null;
}

/** Restricted records (F4): a doctor's decision (`chart.write`), lifted once, never rewritten. */
export const recordRestrictionRule: TableRule = {
  table: 'record_restrictions',
  permission: 'chart.write',
  refuse: (_trx, mutation, current) => (current === undefined ? refuseNew(mutation) : refuseLift(mutation, current)),
};
