import type { Knex } from 'knex';
import { emergencyTextLength, noteLength } from '../../../shared/api/chart-access-calls';
import type { Permission } from '../../../shared/auth/permissions';
import type { ErrorCode } from '../../../shared/errors/catalog';
import { emergencyAccessHoursRange, emergencyReasons, emergencyVerdicts } from '../../../shared/rights/restrictions';
import type { Mutation, MutationResult } from '../../../shared/sync/protocol';
import { toRecord } from '../../db/values';
import { refusal, type RowState, type RuleScope, type TableRule } from '../../sync/table-rules';
import { fixedFieldChanged, isIsoInstant, isOneOf, isText } from './rule-values';

const reviewFields: readonly string[] = ['review_verdict', 'reviewed_at', 'reviewed_by', 'review_note'];
const maxGrantMs = emergencyAccessHoursRange.max * 3_600_000;

/** Whether the credential is one of the person's enrolled, unrevoked keys in this clinic. */
async function isOwnKey(
  trx: Knex.Transaction,
  scope: RuleScope,
  staffId: string,
  credentialId: unknown,
): Promise<boolean> {
  if (typeof credentialId !== 'string' || credentialId === '') return false;
  const rows = await trx('records')
    .where({ table_name: 'staff_keys', clinic_id: scope.clinicId })
    .whereRaw("data->>'credential_id' = ?", [credentialId])
    .select<{ data: unknown }[]>('data');
  return rows.some((row) => {
    const key = toRecord(row.data);
    return key.staff_id === staffId && (key.revoked_at === null || key.revoked_at === undefined);
  });
}

/** A new grant: the pusher's own, a reason of the list with its text, their own key, within the maximum. */
async function refuseGrant(
  trx: Knex.Transaction,
  mutation: Mutation,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const row = mutation.changed;
  const refuse = (code: ErrorCode, field?: string) => refusal(mutation, code, field);
  if (typeof row.patient_id !== 'string' || row.patient_id === '') return refuse('input.required', 'patient_id');
  if (row.staff_id !== mutation.actorId) return refuse('chart.emergency.actor_mismatch', 'staff_id');
  if (!isOneOf(emergencyReasons, row.reason_code)) return refuse('chart.emergency.reason', 'reason_code');
  if (!isText(row.reason_text, emergencyTextLength.min, emergencyTextLength.max))
    return refuse('chart.emergency.reason', 'reason_text');
  if (!isIsoInstant(row.started_at) || !isIsoInstant(row.expires_at))
    return refuse('chart.emergency.period', 'expires_at');
  const length = Date.parse(row.expires_at) - Date.parse(row.started_at);
  if (length <= 0 || length > maxGrantMs) return refuse('chart.emergency.period', 'expires_at');
  for (const field of reviewFields) {
    if (row[field] !== null && row[field] !== undefined) return refuse('chart.emergency.field_fixed', field);
  }
  if (!(await isOwnKey(trx, scope, mutation.actorId, row.credential_id)))
    return refuse('chart.emergency.key_unknown', 'credential_id');
  return null;
}

/** A change of a grant: only the auditor's verdict, once, in the pusher's name; a note when unjustified. */
function refuseReview(mutation: Mutation, current: RowState): MutationResult | null {
  const before = current.data;
  const refuse = (code: ErrorCode, field?: string) => refusal(mutation, code, field);
  if (before.review_verdict !== null && before.review_verdict !== undefined)
    return refuse('chart.emergency.reviewed', 'review_verdict');
  const fixed = fixedFieldChanged(before, mutation.changed, reviewFields);
  if (fixed !== null) return refuse('chart.emergency.field_fixed', fixed);
  const after = { ...before, ...mutation.changed };
  if (!isOneOf(emergencyVerdicts, after.review_verdict)) return refuse('chart.emergency.verdict', 'review_verdict');
  if (after.reviewed_by !== mutation.actorId) return refuse('chart.emergency.actor_mismatch', 'reviewed_by');
  if (!isIsoInstant(after.reviewed_at)) return refuse('input.format', 'reviewed_at');
  if (after.review_verdict === 'unjustified' && !isText(after.review_note, noteLength.min, noteLength.max))
    return refuse('chart.emergency.review_note', 'review_note');
  return null;
}

/** The grant is a doctor's (`chart.read`); its verdict is the auditor's (`audit.read`). */
function permissionFor(mutation: Pick<Mutation, 'table' | 'changed'>): Permission {
  return reviewFields.some((field) => field in mutation.changed) && !('staff_id' in mutation.changed)
    ? 'audit.read'
    : 'chart.read';
}

/** Break-the-glass grants (F4) as desks push them, and the auditor's verdicts on them. */
export const emergencyAccessRule: TableRule = {
  table: 'emergency_access',
  permission: permissionFor,
  refuse: (trx, mutation, current, scope) =>
    current === undefined ? refuseGrant(trx, mutation, scope) : refuseReview(mutation, current),
};
