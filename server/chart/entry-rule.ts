import type { Knex } from 'knex';
import { chartBodySchemas } from '../../shared/chart/drafts';
import { chartEntryKinds, type ChartEntryKind } from '../../shared/chart/entry-kinds';
import type { ErrorCode } from '../../shared/errors/catalog';
import { scanPermission, scanPurposeSchema } from '../../shared/scans/scan-purpose';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { toRecord } from '../db/values';
import { refusal, type RowState, type RuleScope, type TableRule } from '../sync/table-rules';

/**
 * Desks' writes to chart entries and their previous versions (D4), judged by the server beyond the
 * permission (`chart.write`, a doctor's): an entry's body fits its kind (the schema the desk and
 * the cabinet use); its kind, patient and source never change; a patient's own upload is the
 * cabinet's to create; an amendment or a removal raises the revision and carries its reason, in
 * the name of the doctor who pushes it. A previous version is written once and never changed.
 * Concurrent amendments from two desks are not refused here: the body is a conflicting field, so
 * the sync records the conflict for the doctors to settle (shared/sync/protocol.ts).
 */
type Refuse = (code: ErrorCode, field?: string) => MutationResult;

const present = (value: unknown): boolean => value !== null && value !== undefined && value !== '';
const fixedOnUpdate = ['patient_id', 'kind', 'source', 'created_at', 'created_by'] as const;

function kindOf(value: unknown): ChartEntryKind | null {
  return chartEntryKinds.find((kind) => kind === value) ?? null;
}

/** The body as the kind's schema reads it (a JSON text of an object). */
function bodyFits(kind: ChartEntryKind, body: unknown): boolean {
  if (typeof body !== 'string') return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  return chartBodySchemas[kind].safeParse(parsed).success;
}

async function clinicRow(
  trx: Knex.Transaction,
  scope: RuleScope,
  table: 'patients' | 'chart_entries',
  id: unknown,
): Promise<Record<string, unknown> | null> {
  const row = await trx('records')
    .where({ table_name: table, clinic_id: scope.clinicId, id: String(id ?? '') })
    .first<{ data: unknown } | undefined>('data');
  return row ? toRecord(row.data) : null;
}

async function refuseNewEntry(
  trx: Knex.Transaction,
  changed: Mutation['changed'],
  scope: RuleScope,
  refuse: Refuse,
): Promise<MutationResult | null> {
  if ((changed.source ?? 'desk') !== 'desk') return refuse('chart.entry.patient_source', 'source');
  const kind = kindOf(changed.kind);
  if (!kind) return refuse('chart.entry.body_invalid', 'kind');
  if (!bodyFits(kind, changed.body)) return refuse('chart.entry.body_invalid', 'body');
  if ((changed.revision ?? 1) !== 1) return refuse('chart.entry.revision', 'revision');
  if (!(await clinicRow(trx, scope, 'patients', changed.patient_id)))
    return refuse('chart.entry.patient_unknown', 'patient_id');
  return null;
}

function refuseEntryChange(mutation: Mutation, before: Record<string, unknown>, refuse: Refuse): MutationResult | null {
  const changed = mutation.changed;
  for (const field of fixedOnUpdate) {
    if (!(field in changed) || (before[field] ?? null) === changed[field]) continue;
    if (field === 'kind') return refuse('chart.entry.kind_mismatch', field);
    if (field === 'patient_id') return refuse('chart.entry.patient_mismatch', field);
    return refuse(field === 'source' ? 'chart.entry.patient_source' : 'sync.field_not_allowed', field);
  }
  const kind = kindOf(before.kind);
  const amends = 'body' in changed && changed.body !== before.body;
  const removes = present(changed.deleted_at) && !present(before.deleted_at);
  if ('revision' in changed) {
    const revision = changed.revision;
    if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 2)
      return refuse('chart.entry.revision', 'revision');
  }
  if (!amends && !removes) return null;
  // A desk sends only what changed: an amendment or a removal made there always moves the revision.
  if (!('revision' in changed)) return refuse('chart.entry.revision', 'revision');
  const after = { ...before, ...changed };
  if (amends) {
    if (!kind || !bodyFits(kind, changed.body)) return refuse('chart.entry.body_invalid', 'body');
    if (!present(after.amend_reason)) return refuse('chart.entry.reason_required', 'amend_reason');
    if ('amended_by' in changed && changed.amended_by !== mutation.actorId)
      return refuse('chart.entry.actor_mismatch', 'amended_by');
  }
  if (removes) {
    if (!present(after.deleted_reason)) return refuse('chart.entry.reason_required', 'deleted_reason');
    if (after.deleted_by !== mutation.actorId) return refuse('chart.entry.actor_mismatch', 'deleted_by');
  }
  return null;
}

async function refuseEntry(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: RowState | undefined,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const refuse: Refuse = (code, field) => refusal(mutation, code, field);
  return current === undefined
    ? refuseNewEntry(trx, mutation.changed, scope, refuse)
    : refuseEntryChange(mutation, current.data, refuse);
}

/**
 * A previous version (written when an entry is amended or removed): of an entry of this clinic and
 * its patient, a revision the entry has reached (the version row may arrive just before or after
 * the entry's change), replaced by the pushing doctor, with the reason.
 */
async function refuseRevision(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: RowState | undefined,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const refuse: Refuse = (code, field) => refusal(mutation, code, field);
  if (current !== undefined) return refuse('chart.revision.immutable');
  const changed = mutation.changed;
  const entry = await clinicRow(trx, scope, 'chart_entries', changed.entry_id);
  if (!entry) return refuse('chart.entry.not_found', 'entry_id');
  if (entry.patient_id !== changed.patient_id) return refuse('chart.entry.patient_mismatch', 'patient_id');
  const revision = changed.revision;
  const reached = typeof entry.revision === 'number' ? entry.revision : 1;
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 1 || revision > reached)
    return refuse('chart.entry.revision', 'revision');
  const kind = kindOf(entry.kind);
  if (!kind || !bodyFits(kind, changed.body)) return refuse('chart.entry.body_invalid', 'body');
  if (!present(changed.reason)) return refuse('chart.entry.reason_required', 'reason');
  if (changed.replaced_by !== mutation.actorId) return refuse('chart.entry.actor_mismatch', 'replaced_by');
  return null;
}

/** Chart entries and their previous versions: a doctor's to write. */
export const chartEntryRules: readonly TableRule[] = [
  { table: 'chart_entries', permission: 'chart.write', refuse: refuseEntry },
  { table: 'chart_revisions', permission: 'chart.write', refuse: refuseRevision },
  // A chart's document scan is the doctor's to add; every other scan stays the front desk's.
  {
    table: 'document_scans',
    permission: (mutation) =>
      scanPermission(scanPurposeSchema.catch('identity_document').parse(mutation.changed.purpose)),
  },
];
