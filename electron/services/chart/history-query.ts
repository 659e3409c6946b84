import type { ChartCursor, ChartFilter } from '../../../shared/chart/chart-views';
import { searchFold } from '../../../shared/domain/person-name';
import { summaryColumns, type ChartSummaryRow } from './chart-row';

/** SQL text and its parameters, never glued together. */
export interface HistorySql {
  text: string;
  params: unknown[];
}

const inList = (values: readonly unknown[]) => `(${values.map(() => '?').join(', ')})`;

/** The day after an ISO day: `to` is inclusive, the comparison on instants is not. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The conditions of the filter that SQL can decide on the covering index's own columns: every
 * one of them is a column of `chart_history`, so the page is read without touching the table.
 */
function where(patientId: string, filter: ChartFilter, hidden: readonly string[]): HistorySql {
  const parts = ['patient_id = ?'];
  const params: unknown[] = [patientId];
  // Restricted entries the reader may not see (F4): absent, as if they were not there.
  if (hidden.length > 0) {
    parts.push(`id NOT IN ${inList(hidden)}`);
    params.push(...hidden);
  }
  if (filter.from !== null) {
    parts.push('occurred_at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== null) {
    parts.push('occurred_at < ?');
    params.push(nextDay(filter.to));
  }
  if (filter.visitTypes.length > 0) {
    parts.push(`visit_type IN ${inList(filter.visitTypes)}`);
    params.push(...filter.visitTypes);
  }
  if (filter.kinds.length > 0) {
    parts.push(`kind IN ${inList(filter.kinds)}`);
    params.push(...filter.kinds);
  }
  if (filter.doctorIds.length > 0) {
    parts.push(`doctor_id IN ${inList(filter.doctorIds)}`);
    params.push(...filter.doctorIds);
  }
  const diagnosis = filter.diagnosis.toUpperCase();
  if (diagnosis !== '') {
    parts.push(`kind IN ('diagnosis', 'encounter') AND code >= ? AND code < ?`);
    params.push(diagnosis, `${diagnosis}\uffff`);
  }
  if (!filter.includeDeleted) parts.push('deleted_at IS NULL');
  return { text: parts.join(' AND '), params };
}

/** A page newest first, after the cursor when there is one; `limit` rows at most. */
export function historyPageSql(
  patientId: string,
  filter: ChartFilter,
  after: ChartCursor | null,
  limit: number | null,
  hidden: readonly string[] = [],
): HistorySql {
  const condition = where(patientId, filter, hidden);
  const cursor = after === null ? '' : ' AND (occurred_at, id) < (?, ?)';
  const params = [...condition.params, ...(after === null ? [] : [after.occurredAt, after.id])];
  return {
    text: `SELECT ${summaryColumns} FROM chart_entries WHERE ${condition.text}${cursor}
      ORDER BY occurred_at DESC, id DESC${limit === null ? '' : ' LIMIT ?'}`,
    params: limit === null ? params : [...params, limit],
  };
}

export function historyCountSql(patientId: string, filter: ChartFilter, hidden: readonly string[] = []): HistorySql {
  const condition = where(patientId, filter, hidden);
  return { text: `SELECT count(*) AS n FROM chart_entries WHERE ${condition.text}`, params: condition.params };
}

const wordSplit = /[^\p{L}\p{N}.]+/u;

/**
 * The search box's words (D1): a code prefix (`J06`, `A05.10`), or words each of which begins a
 * word of the summary, in any order, ё = е. SQLite folds only ASCII, so this runs on the rows.
 */
export function textMatcher(text: string): ((row: Pick<ChartSummaryRow, 'code' | 'summary'>) => boolean) | null {
  const query = searchFold(text.trim());
  if (query === '') return null;
  const code = text.trim().toUpperCase();
  const words = query.split(wordSplit).filter((word) => word !== '');
  return (row) => {
    if (row.code !== null && row.code.toUpperCase().startsWith(code)) return true;
    const own = searchFold(row.summary).split(wordSplit);
    return words.length > 0 && words.every((word) => own.some((candidate) => candidate.startsWith(word)));
  };
}
