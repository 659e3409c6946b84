import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../../shared/api/contract';
import { isoDay } from '../../../../shared/domain/calendar-date';
import type { ServiceContext } from '../../../core/context';
import type { ReadTx } from '../../../store/open-store';
import { recordRead } from '../../../store/record-door';
import { reportWithNames, toReportView, type ReportRow } from './report-row';

type Input = z.output<Contract['chart.reports.queue']['input']>;
type QueueContext = Pick<ServiceContext, 'store' | 'clock' | 'actor' | 'timeZone'>;

type QueueRow = ReportRow & {
  surname: string | null;
  name: string | null;
  patronymic: string | null;
  entry_summary: string | null;
};

/** How many reports wait and how many of them are past their last working day: index ranges only. */
function openCounts(tx: ReadTx, today: string): { open: number; overdue: number } {
  const count = (sql: string, params: string[]) => tx.get<{ n: number }>(sql, params)?.n ?? 0;
  return {
    open: count("SELECT count(*) AS n FROM chart_reports WHERE status = 'open'", []),
    overdue: count("SELECT count(*) AS n FROM chart_reports WHERE status = 'open' AND due_on < ?", [today]),
  };
}

function patientName(row: QueueRow): string | null {
  if (row.surname === null) return null;
  return [row.surname, row.name, row.patronymic].filter((part) => part !== null && part !== '').join(' ');
}

/**
 * The reviewer queue of inaccuracy reports (D4): one status (open unless asked) — the waiting ones
 * nearest deadline first, so the overdue ones lead; the decided ones latest first (the same index
 * read backwards); each with the patient's name and the entry's summary line
 * (absent while the card or the entry has not reached this desk). With the counters of open and
 * overdue reports. The read is audited with the patients it showed (F1).
 */
export function reportQueue(ctx: QueueContext, input: Input): CallOutput<'chart.reports.queue'> {
  return ctx.store.transaction((tx) => {
    const now = ctx.clock.now();
    const at = now.toISOString();
    const today = isoDay(now, ctx.timeZone);
    const newest = input.status !== 'open';
    const rows = tx.all<QueueRow>(
      `SELECT q.*, p.surname, p.name, p.patronymic, e.summary AS entry_summary
         FROM (${reportWithNames} WHERE r.status = ? ORDER BY ${newest ? 'r.due_on DESC, r.id DESC' : 'r.due_on, r.id'}
               LIMIT ?) q
         LEFT JOIN patients p ON p.id = q.patient_id
         LEFT JOIN chart_entries e ON e.id = q.entry_id
        ORDER BY ${newest ? 'q.due_on DESC, q.id DESC' : 'q.due_on, q.id'}`,
      [input.status, input.limit],
    );
    recordRead({ tx, actor: ctx.actor, at }, 'chart.read', {
      action: 'chart.reports.queue',
      details: { status: input.status, patients: [...new Set(rows.map((row) => row.patient_id))] },
    });
    return {
      items: rows.map((row) => ({
        ...toReportView(row, today),
        patientName: patientName(row),
        entrySummary: row.entry_summary ?? '',
      })),
      ...openCounts(tx, today),
    };
  });
}

/** How many reports wait for a decision and how many are overdue: numbers for the rail, no patient data. */
export function reportCount(
  ctx: Pick<ServiceContext, 'store' | 'clock' | 'timeZone'>,
): CallOutput<'chart.reports.count'> {
  return ctx.store.read((tx) => openCounts(tx, isoDay(ctx.clock.now(), ctx.timeZone)));
}
