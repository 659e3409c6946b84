import type { Knex } from 'knex';
import { declineReasonSchema } from '../../shared/chart/inaccuracy';
import type { ErrorCode } from '../../shared/errors/catalog';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { toRecord } from '../db/values';
import { refusal, type RowState, type RuleScope, type TableRule } from '../sync/table-rules';
import { followReportDecision } from './report-follow-up';

/**
 * Desks' writes to patients' inaccuracy reports (D4, seed §6.3), judged by the server. The server
 * writes a report for the cabinet; a desk only decides an open one — accepted (pointing to the
 * entry's amendment that answers it) or declined with a reason the patient reads — in the name of
 * the doctor who pushes it, and changes nothing the patient wrote. A decided report stays decided.
 */
const stamps: readonly string[] = ['updated_at', 'updated_by', 'device_id'];

/** What each decision may change. */
const decisions: Readonly<Record<string, readonly string[]>> = {
  accepted: ['status', 'decided_at', 'decided_by', 'amendment_revision'],
  declined: ['status', 'decided_at', 'decided_by', 'decline_reason'],
};

function isIsoInstant(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
}

/** The entry's revision on the server, when the entry is this clinic's and the report's patient's. */
async function entryRevision(
  trx: Knex.Transaction,
  scope: RuleScope,
  entryId: unknown,
  patientId: unknown,
): Promise<number | null> {
  const row = await trx('records')
    .where({ table_name: 'chart_entries', clinic_id: scope.clinicId, id: String(entryId ?? '') })
    .first<{ data: unknown } | undefined>('data');
  if (!row) return null;
  const data = toRecord(row.data);
  return data.patient_id === patientId && typeof data.revision === 'number' ? data.revision : null;
}

async function refuseDecision(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: RowState | undefined,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const refuse = (code: ErrorCode, field?: string) => refusal(mutation, code, field);
  if (current === undefined) return refuse('chart.report.not_creatable');
  const before = current.data;
  const changed = mutation.changed;
  if (before.status !== 'open') return refuse('chart.report.decided', 'status');
  const to = String(changed.status ?? before.status);
  const allowed = decisions[to];
  if (!allowed) return refuse('chart.report.transition', 'status');
  for (const [field, value] of Object.entries(changed)) {
    if (stamps.includes(field) || allowed.includes(field) || (before[field] ?? null) === value) continue;
    return refuse('chart.report.field_fixed', field);
  }
  const after = { ...before, ...changed };
  if (after.decided_by !== mutation.actorId) return refuse('chart.report.actor_mismatch', 'decided_by');
  if (!isIsoInstant(after.decided_at)) return refuse('chart.report.decided_at', 'decided_at');
  if (to === 'declined') {
    return declineReasonSchema.safeParse(after.decline_reason).success
      ? null
      : refuse('chart.report.decline_reason', 'decline_reason');
  }
  // Accepted: the amendment it names must be there — the entry at that revision or past it.
  const revision = after.amendment_revision;
  const amended = await entryRevision(trx, scope, before.entry_id, before.patient_id);
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 2 || amended === null) {
    return refuse('chart.report.amendment_missing', 'amendment_revision');
  }
  return amended >= revision ? null : refuse('chart.report.amendment_missing', 'amendment_revision');
}

/** Patients' inaccuracy reports: the server writes them; a reviewing doctor decides them. */
export const chartReportRule: TableRule = {
  table: 'chart_reports',
  permission: 'chart.write',
  refuse: refuseDecision,
  afterApply: (log, mutation, before, at) => followReportDecision(log, mutation, before, at),
};
