import type { ChartReport } from '../../../../shared/chart/chart-views';
import type { inaccuracyKinds, ReportStatus } from '../../../../shared/chart/inaccuracy';
import { AppError } from '../../../../shared/errors/app-error';
import type { ReadTx } from '../../../store/open-store';

/** A `chart_reports` row with the name of who decided it (`reportWithNames`). */
export interface ReportRow {
  id: string;
  version: number;
  patient_id: string;
  entry_id: string;
  account_id: string | null;
  kind: (typeof inaccuracyKinds)[number];
  text: string;
  submitted_at: string;
  due_on: string;
  status: ReportStatus;
  decided_at: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decline_reason: string | null;
  amendment_revision: number | null;
  disagreement: string | null;
  disagreement_at: string | null;
}

export const reportWithNames = `SELECT r.*, ds.display_name AS decided_by_name
  FROM chart_reports r LEFT JOIN staff ds ON ds.id = r.decided_by`;

/** Open and past its last working day: `today` is the desk's day (YYYY-MM-DD). */
export function isReportOverdue(row: Pick<ReportRow, 'status' | 'due_on'>, today: string): boolean {
  return row.status === 'open' && row.due_on < today;
}

export function toReportView(row: ReportRow, today: string): ChartReport {
  return {
    id: row.id,
    entryId: row.entry_id,
    patientId: row.patient_id,
    kind: row.kind,
    text: row.text,
    submittedAt: row.submitted_at,
    dueOn: row.due_on,
    overdue: isReportOverdue(row, today),
    status: row.status,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by === null ? null : { id: row.decided_by, name: row.decided_by_name ?? row.decided_by },
    declineReason: row.decline_reason,
    amendmentRevision: row.amendment_revision,
    disagreement: row.disagreement,
    disagreementAt: row.disagreement_at,
  };
}

/** The report by id, or `chart.report.not_found` naming the field. */
export function requireReport(tx: ReadTx, id: string): ReportRow {
  const row = tx.get<ReportRow>(`${reportWithNames} WHERE r.id = ?`, [id]);
  if (!row) throw new AppError('chart.report.not_found', { field: 'id' });
  return row;
}

/** A patient's reports about one entry, newest first (the entry's view shows them with their outcome). */
export function entryReports(tx: ReadTx, entryId: string, today: string): ChartReport[] {
  return tx
    .all<ReportRow>(`${reportWithNames} WHERE r.entry_id = ? ORDER BY r.submitted_at DESC, r.id DESC`, [entryId])
    .map((row) => toReportView(row, today));
}
