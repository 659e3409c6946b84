import type { ChartEntryKind, ChartEntrySource, VisitType } from '../../../shared/chart/entry-kinds';
import type { ChartEntryView, ChartRevision, ChartSummary } from '../../../shared/chart/chart-views';
import { AppError } from '../../../shared/errors/app-error';
import type { ReadTx } from '../../store/open-store';

/** The columns of `chart_history`, the covering index: a summary row is read from the index alone. */
export const summaryColumns = `id, kind, occurred_at, visit_type, doctor_id, code, summary, status, revision,
  amended_at, deleted_at, encounter_id, source`;

export interface ChartSummaryRow {
  id: string;
  kind: ChartEntryKind;
  occurred_at: string;
  visit_type: VisitType | null;
  doctor_id: string | null;
  code: string | null;
  summary: string;
  status: string | null;
  revision: number;
  amended_at: string | null;
  deleted_at: string | null;
  encounter_id: string | null;
  source: ChartEntrySource;
}

/** A whole `chart_entries` row. */
export interface ChartEntryRow extends ChartSummaryRow {
  version: number;
  patient_id: string;
  body: string;
  overrides: string | null;
  amended_by: string | null;
  amend_reason: string | null;
  report_id: string | null;
  deleted_by: string | null;
  deleted_reason: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface ChartRevisionRow {
  revision: number;
  occurred_at: string;
  code: string | null;
  summary: string;
  status: string | null;
  body: string;
  replaced_at: string;
  replaced_by: string | null;
  reason: string;
  report_id: string | null;
}

/** The entry, or `chart.entry.not_found` on `field`. */
export function requireEntry(tx: ReadTx, id: string, field = 'id'): ChartEntryRow {
  const row = tx.get<ChartEntryRow>('SELECT * FROM chart_entries WHERE id = ?', [id]);
  if (!row) throw new AppError('chart.entry.not_found', { field });
  return row;
}

/** Staff names by id (`staff.display_name`), for the people a page of rows names. */
export type StaffNames = ReadonlyMap<string, string>;

export function staffNames(tx: ReadTx, ids: Iterable<string | null>): StaffNames {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  const names = new Map<string, string>();
  // SQLite's bound-parameter limit is far above a page's distinct people, but chunk anyway.
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    const rows = tx.all<{ id: string; display_name: string }>(
      `SELECT id, display_name FROM staff WHERE id IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const row of rows) names.set(row.id, row.display_name);
  }
  return names;
}

function person(id: string | null, names: StaffNames): { id: string; name: string } | null {
  return id === null ? null : { id, name: names.get(id) ?? id };
}

export function toSummary(row: ChartSummaryRow, names: StaffNames): ChartSummary {
  return {
    id: row.id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    visitType: row.visit_type,
    doctor: person(row.doctor_id, names),
    code: row.code,
    summary: row.summary,
    status: row.status,
    encounterId: row.encounter_id,
    revision: row.revision,
    amended: row.amended_at !== null,
    deleted: row.deleted_at !== null,
    source: row.source,
  };
}

/** The people an entry row names, for `staffNames`. */
export const entryPeople = (row: ChartEntryRow): (string | null)[] => [
  row.doctor_id,
  row.created_by,
  row.amended_by,
  row.deleted_by,
];

export function toEntryView(row: ChartEntryRow, names: StaffNames): ChartEntryView {
  return {
    ...toSummary(row, names),
    patientId: row.patient_id,
    body: JSON.parse(row.body) as Record<string, unknown>,
    overrides: row.overrides === null ? [] : (JSON.parse(row.overrides) as ChartEntryView['overrides']),
    createdAt: row.created_at,
    createdBy: person(row.created_by, names),
    amendedAt: row.amended_at,
    amendedBy: person(row.amended_by, names),
    amendReason: row.amend_reason,
    deletedAt: row.deleted_at,
    deletedBy: person(row.deleted_by, names),
    deletedReason: row.deleted_reason,
    reportId: row.report_id,
  };
}

export function toRevisionView(row: ChartRevisionRow, names: StaffNames): ChartRevision {
  return {
    revision: row.revision,
    occurredAt: row.occurred_at,
    code: row.code,
    summary: row.summary,
    status: row.status,
    body: JSON.parse(row.body) as Record<string, unknown>,
    replacedAt: row.replaced_at,
    replacedBy: person(row.replaced_by, names),
    reason: row.reason,
    reportId: row.report_id,
  };
}
