import type { Knex } from 'knex';
import type { ChartReport, ChartRevision, ChartSummary } from '../../../shared/chart/chart-views';
import { chartEntryKinds, chartEntrySources, visitTypes } from '../../../shared/chart/entry-kinds';
import { inaccuracyKinds, reportStatuses } from '../../../shared/chart/inaccuracy';
import { moscowDay } from '../../../shared/domain/application-deadline';
import { toNumber } from '../../db/values';
import { stored, type RecordRow, type StoredRow } from '../../sync/server-rows';
import type { ChartCard } from './chart-card';

/**
 * The chart's synced rows as the server holds them (`records`, data jsonb) and the views the
 * cabinet answers with (shared/chart/chart-views.ts). Every read is scoped by the card: its
 * clinic and its patient; a row of another card is the same as no row.
 */
export type Data = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const oneOf = <T extends string>(words: readonly T[], value: unknown): T | null =>
  words.find((word) => word === value) ?? null;

/** A JSON text field (`body`, `entry_ids`, `recipient`) as a value; `fallback` when absent or broken. */
export function jsonField<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string') return value === null || value === undefined ? fallback : (value as T);
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

/** One row of the card's table by id (undefined when absent or another card's). */
export async function cardRow(
  db: Knex,
  card: Pick<ChartCard, 'clinicId' | 'patientId'>,
  table: 'chart_entries' | 'chart_reports' | 'document_scans' | 'share_consents' | 'chart_shares',
  id: string,
): Promise<StoredRow | undefined> {
  const row = await db('records')
    .where({ table_name: table, clinic_id: card.clinicId, id })
    .whereRaw("data->>'patient_id' = ?", [card.patientId])
    .first<RecordRow | undefined>('id', 'data', 'field_versions');
  return row ? stored(row) : undefined;
}

/** Staff names (`staff.display_name`) of the clinic by id. */
export async function staffNames(db: Knex, clinicId: string, ids: Iterable<unknown>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id !== ''))];
  if (wanted.length === 0) return new Map();
  const rows = await db('records')
    .where({ table_name: 'staff', clinic_id: clinicId })
    .whereIn('id', wanted)
    .select<{ id: string; name: unknown }[]>('id', db.raw("data->>'display_name' AS name"));
  return new Map(rows.map((row) => [row.id, typeof row.name === 'string' ? row.name : '']));
}

export type Names = ReadonlyMap<string, string>;

export function person(names: Names, id: unknown): { id: string; name: string } | null {
  const key = text(id);
  return key === null ? null : { id: key, name: names.get(key) ?? '' };
}

/**
 * One timeline row. A removed entry is shown as removed — its kind, day and who removed it
 * known, its content (summary, code, status) not: the patient sees that something was there.
 */
export function summaryView(id: string, data: Data, names: Names): ChartSummary {
  const deleted = text(data.deleted_at) !== null;
  return {
    id,
    kind: oneOf(chartEntryKinds, data.kind) ?? 'document',
    occurredAt: String(data.occurred_at ?? ''),
    visitType: oneOf(visitTypes, data.visit_type),
    doctor: person(names, data.doctor_id),
    code: deleted ? null : text(data.code),
    summary: deleted ? '' : String(data.summary ?? ''),
    status: deleted ? null : text(data.status),
    encounterId: text(data.encounter_id),
    revision: toNumber(data.revision ?? 1),
    amended: text(data.amended_at) !== null,
    deleted,
    source: oneOf(chartEntrySources, data.source) ?? 'desk',
  };
}

export function revisionView(data: Data, names: Names): ChartRevision {
  return {
    revision: toNumber(data.revision ?? 1),
    occurredAt: String(data.occurred_at ?? ''),
    code: text(data.code),
    summary: String(data.summary ?? ''),
    status: text(data.status),
    body: jsonField<Record<string, unknown>>(data.body, {}),
    replacedAt: String(data.replaced_at ?? ''),
    replacedBy: person(names, data.replaced_by),
    reason: String(data.reason ?? ''),
    reportId: text(data.report_id),
  };
}

export function reportView(id: string, data: Data, names: Names, now: Date): ChartReport {
  const status = oneOf(reportStatuses, data.status) ?? 'open';
  const dueOn = String(data.due_on ?? '');
  const amendment = data.amendment_revision;
  return {
    id,
    entryId: String(data.entry_id ?? ''),
    patientId: String(data.patient_id ?? ''),
    kind: oneOf(inaccuracyKinds, data.kind) ?? 'other',
    text: String(data.text ?? ''),
    submittedAt: String(data.submitted_at ?? ''),
    dueOn,
    overdue: status === 'open' && dueOn !== '' && dueOn < moscowDay(now),
    status,
    decidedAt: text(data.decided_at),
    decidedBy: person(names, data.decided_by),
    declineReason: text(data.decline_reason),
    amendmentRevision: amendment === null || amendment === undefined ? null : toNumber(amendment),
    disagreement: text(data.disagreement),
    disagreementAt: text(data.disagreement_at),
  };
}

/** The card's reports, newest first; of one entry when `entryId` is given. */
export async function cardReports(
  db: Knex,
  card: Pick<ChartCard, 'clinicId' | 'patientId'>,
  entryId?: string,
): Promise<{ id: string; data: Data }[]> {
  let query = db('records')
    .where({ table_name: 'chart_reports', clinic_id: card.clinicId })
    .whereRaw("data->>'patient_id' = ?", [card.patientId]);
  if (entryId !== undefined) query = query.whereRaw("data->>'entry_id' = ?", [entryId]);
  const rows = await query
    .orderByRaw("data->>'submitted_at' DESC, id DESC")
    .select<{ id: string; data: unknown }[]>('id', 'data');
  return rows.map((row) => ({ id: row.id, data: stored({ ...row, field_versions: {} }).data }));
}

/** Report views with their deciders' names. */
export async function reportViews(
  db: Knex,
  clinicId: string,
  rows: { id: string; data: Data }[],
  now: Date,
): Promise<ChartReport[]> {
  const names = await staffNames(
    db,
    clinicId,
    rows.map((row) => row.data.decided_by),
  );
  return rows.map((row) => reportView(row.id, row.data, names, now));
}
