import type { ChartEntryDetail } from '../../../shared/api/chart-calls';
import type { ReadTx } from '../../store/open-store';
import {
  entryPeople,
  requireEntry,
  staffNames,
  summaryColumns,
  toEntryView,
  toRevisionView,
  toSummary,
  type ChartRevisionRow,
  type ChartSummaryRow,
} from './chart-row';
import { entryReports } from './reports/report-row';

/** The entry in full, its previous versions newest first, an encounter's own entries, and its reports. */
export function entryDetail(tx: ReadTx, id: string, today: string): ChartEntryDetail {
  const row = requireEntry(tx, id);
  const revisions = tx.all<ChartRevisionRow>(
    `SELECT revision, occurred_at, code, summary, status, body, replaced_at, replaced_by, reason, report_id
       FROM chart_revisions WHERE entry_id = ? ORDER BY revision DESC`,
    [id],
  );
  const children =
    row.kind === 'encounter'
      ? tx.all<ChartSummaryRow>(
          `SELECT ${summaryColumns} FROM chart_entries WHERE encounter_id = ? ORDER BY occurred_at DESC, id DESC`,
          [id],
        )
      : [];
  const names = staffNames(tx, [
    ...entryPeople(row),
    ...revisions.map((revision) => revision.replaced_by),
    ...children.map((child) => child.doctor_id),
  ]);
  return {
    entry: toEntryView(row, names),
    revisions: revisions.map((revision) => toRevisionView(revision, names)),
    children: children.map((child) => toSummary(child, names)),
    reports: entryReports(tx, id, today),
  };
}
