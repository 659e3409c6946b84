import type {
  ApplicationCounts,
  ApplicationQueueFilter,
  ApplicationQueueItem,
  QueueCursor,
} from '../../../shared/api/application-calls';
import { applicationStatuses, type ApplicationStatus } from '../../../shared/domain/application';
import type { Sex } from '../../../shared/domain/patient';
import { searchFold } from '../../../shared/domain/person-name';
import type { ActorContext } from '../../core/context';
import type { ReadTx } from '../../store/open-store';
import { recordRead } from '../../store/record-door';
import { toSummary } from '../patients/patient-row';
import { isOverdue, openStatuses, type ApplicationRow } from './application-row';

type QueueRow = Pick<ApplicationRow, 'id' | 'number' | 'channel' | 'urgent' | 'status' | 'submitted_at' | 'due_at'> & {
  patient_id: string | null;
  surname: string | null;
  name: string | null;
  patronymic: string | null;
  birth_date: string | null;
  sex: Sex | null;
  snils: string | null;
  phone: string | null;
};

/** Escapes LIKE's wildcards in what the clerk typed. */
function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

// Past the last Cyrillic letter in UTF-8 byte order: `x >= p AND x < p || top` is "starts with p".
const top = '\uffff';

/** What the search box holds: a part of a number (it has a digit) or the start of a surname. */
function searchOf(
  text: string,
): { kind: 'none' } | { kind: 'number'; part: string } | { kind: 'surname'; fold: string } {
  if (text === '') return { kind: 'none' };
  if (/\d/.test(text)) return { kind: 'number', part: text.toUpperCase() };
  return { kind: 'surname', fold: searchFold(text) };
}

/**
 * The part of the WHERE clause that does not depend on the status: the filters and the keyset.
 * Each status is read from its own range of the (status, due_at, id) index.
 */
function conditions(filter: ApplicationQueueFilter, after: QueueCursor | null, at: string) {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.overdueOnly) {
    where.push('a.due_at < ?');
    params.push(at);
  }
  if (filter.urgentOnly) where.push('a.urgent = 1');
  if (filter.channel !== null) {
    where.push('a.channel = ?');
    params.push(filter.channel);
  }
  const search = searchOf(filter.search);
  if (search.kind === 'number') {
    where.push(`a.number LIKE ? ESCAPE '\\'`);
    params.push(`%${likeText(search.part)}%`);
  }
  if (search.kind === 'surname') {
    where.push('p.surname_fold >= ? AND p.surname_fold < ?');
    params.push(search.fold, `${search.fold}${top}`);
  }
  if (after) {
    where.push('(a.due_at > ? OR (a.due_at = ? AND a.id > ?))');
    params.push(after.dueAt, after.dueAt, after.id);
  }
  return { where, params, bySurname: search.kind === 'surname' };
}

/** The statuses a page shows: those asked for; overdue-only narrows them to the open ones. */
function statusesOf(filter: ApplicationQueueFilter): ApplicationStatus[] {
  const asked = filter.statuses.length > 0 ? filter.statuses : [...openStatuses];
  return filter.overdueOnly ? asked.filter((status) => openStatuses.includes(status)) : asked;
}

const columns = `a.id, a.number, a.channel, a.urgent, a.status, a.submitted_at, a.due_at, a.patient_id,
  p.surname, p.name, p.patronymic, p.birth_date, p.sex, p.snils, p.phone`;

function pageRows(
  tx: ReadTx,
  filter: ApplicationQueueFilter,
  after: QueueCursor | null,
  limit: number,
  at: string,
): QueueRow[] {
  const statuses = statusesOf(filter);
  if (statuses.length === 0) return [];
  const { where, params, bySurname } = conditions(filter, after, at);
  const and = where.map((condition) => ` AND ${condition}`).join('');
  if (bySurname) {
    // A surname: from the patients whose surname starts so (their index), to their applications
    // (CROSS JOIN keeps that order), then sorted — a few rows, not the whole queue.
    return tx.all<QueueRow>(
      `SELECT ${columns} FROM patients p CROSS JOIN applications a ON a.patient_id = p.id
        WHERE a.status IN (${statuses.map(() => '?').join(', ')})${and}
        ORDER BY a.due_at, a.id LIMIT ?`,
      [...statuses, ...params, limit],
    );
  }
  // One ordered, limited read per status (each walks its index range), merged: an IN list would
  // make SQLite sort every matching row before the first page.
  const parts = statuses.map(
    () => `SELECT * FROM (SELECT ${columns}
        FROM applications a LEFT JOIN patients p ON p.id = a.patient_id
       WHERE a.status = ?${and} ORDER BY a.due_at, a.id LIMIT ?)`,
  );
  return tx.all<QueueRow>(`${parts.join(' UNION ALL ')} ORDER BY due_at, id LIMIT ?`, [
    ...statuses.flatMap((status) => [status, ...params, limit]),
    limit,
  ]);
}

/** How many open applications wait and how many are overdue: index ranges of the open statuses only. */
function openCounts(tx: ReadTx, at: string): { submitted: number; in_review: number; overdue: number } {
  const count = (sql: string, params: string[]) => tx.get<{ n: number }>(sql, params)?.n ?? 0;
  const all = 'SELECT count(*) AS n FROM applications WHERE status = ?';
  const late = `${all} AND due_at < ?`;
  return {
    submitted: count(all, ['submitted']),
    in_review: count(all, ['in_review']),
    overdue: count(late, ['submitted', at]) + count(late, ['in_review', at]),
  };
}

/** How many applications are in each status, and how many open ones are past their deadline. */
export function applicationCounts(tx: ReadTx, at: string): ApplicationCounts {
  const byStatus = Object.fromEntries(applicationStatuses.map((status) => [status, 0])) as Record<
    ApplicationStatus,
    number
  >;
  for (const row of tx.all<{ status: ApplicationStatus; n: number }>(
    'SELECT status, count(*) AS n FROM applications GROUP BY status',
  ))
    if (row.status in byStatus) byStatus[row.status] = row.n;
  return { byStatus, overdue: openCounts(tx, at).overdue };
}

type WithPatient = QueueRow & { patient_id: string; surname: string; name: string; birth_date: string; sex: Sex };

/** The patient's columns are there when the card has reached this desk (the join found it). */
function hasPatient(row: QueueRow): row is WithPatient {
  return row.patient_id !== null && row.surname !== null;
}

function toItem(row: QueueRow, at: string): ApplicationQueueItem {
  return {
    id: row.id,
    number: row.number,
    patient: hasPatient(row) ? toSummary({ ...row, id: row.patient_id }) : null,
    channel: row.channel,
    urgent: row.urgent === 1,
    status: row.status,
    submittedAt: row.submitted_at,
    dueAt: row.due_at,
    overdue: isOverdue(row, at),
  };
}

/**
 * A page of the applications queue (C2, C6): nearest deadline first, so the overdue ones lead;
 * filtered by status (the open ones unless asked), overdue, urgent, channel, and a part of the
 * number or the start of the surname; paged by the keyset (due_at, id). With the counters by
 * status. The read is audited with the patients it showed (F1).
 */
export function applicationQueue(
  ctx: ActorContext,
  input: { filter: ApplicationQueueFilter; after: QueueCursor | null; limit: number },
): { items: ApplicationQueueItem[]; next: QueueCursor | null; counts: ApplicationCounts | null } {
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const rows = pageRows(tx, input.filter, input.after, input.limit + 1, at);
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    recordRead({ tx, actor: ctx.actor, at }, 'patients.read', {
      action: 'applications.queue.read',
      details: { patients: page.flatMap((row) => (row.patient_id === null ? [] : [row.patient_id])) },
    });
    return {
      items: page.map((row) => toItem(row, at)),
      next: rows.length > input.limit && last ? { dueAt: last.due_at, id: last.id } : null,
      // The counters head the first page; the next pages do not count the whole table again.
      counts: input.after === null ? applicationCounts(tx, at) : null,
    };
  });
}

/** How many wait for a decision and how many of them are overdue: numbers for the rail, no patient data. */
export function applicationCount(ctx: ActorContext): { waiting: number; overdue: number } {
  return ctx.store.transaction((tx) => {
    const counts = openCounts(tx, ctx.clock.now().toISOString());
    return { waiting: counts.submitted + counts.in_review, overdue: counts.overdue };
  });
}
