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
  if (filter.search !== '') {
    const text = likeText(filter.search);
    where.push(`(a.number LIKE ? ESCAPE '\\' OR p.surname_fold LIKE ? ESCAPE '\\')`);
    params.push(`%${text}%`, `${likeText(searchFold(filter.search))}%`);
  }
  if (after) {
    where.push('(a.due_at > ? OR (a.due_at = ? AND a.id > ?))');
    params.push(after.dueAt, after.dueAt, after.id);
  }
  return { where, params };
}

/** The statuses a page shows: those asked for; overdue-only narrows them to the open ones. */
function statusesOf(filter: ApplicationQueueFilter): ApplicationStatus[] {
  const asked = filter.statuses.length > 0 ? filter.statuses : [...openStatuses];
  return filter.overdueOnly ? asked.filter((status) => openStatuses.includes(status)) : asked;
}

function pageRows(
  tx: ReadTx,
  filter: ApplicationQueueFilter,
  after: QueueCursor | null,
  limit: number,
  at: string,
): QueueRow[] {
  const statuses = statusesOf(filter);
  if (statuses.length === 0) return [];
  const { where, params } = conditions(filter, after, at);
  // One ordered, limited read per status (each walks its index range), merged: an IN list would
  // make SQLite sort every matching row before the first page.
  const parts = statuses.map(
    () => `SELECT * FROM (SELECT a.id, a.number, a.channel, a.urgent, a.status, a.submitted_at, a.due_at, a.patient_id,
        p.surname, p.name, p.patronymic, p.birth_date, p.sex, p.snils, p.phone
        FROM applications a LEFT JOIN patients p ON p.id = a.patient_id
       WHERE a.status = ?${where.map((condition) => ` AND ${condition}`).join('')}
       ORDER BY a.due_at, a.id LIMIT ?)`,
  );
  return tx.all<QueueRow>(`${parts.join(' UNION ALL ')} ORDER BY due_at, id LIMIT ?`, [
    ...statuses.flatMap((status) => [status, ...params, limit]),
    limit,
  ]);
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
  let overdue = 0;
  for (const status of openStatuses)
    overdue +=
      tx.get<{ n: number }>('SELECT count(*) AS n FROM applications WHERE status = ? AND due_at < ?', [status, at])
        ?.n ?? 0;
  return { byStatus, overdue };
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
): { items: ApplicationQueueItem[]; next: QueueCursor | null; counts: ApplicationCounts } {
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
      counts: applicationCounts(tx, at),
    };
  });
}

/** How many wait for a decision and how many of them are overdue: numbers for the rail, no patient data. */
export function applicationCount(ctx: ActorContext): { waiting: number; overdue: number } {
  return ctx.store.transaction((tx) => {
    const counts = applicationCounts(tx, ctx.clock.now().toISOString());
    return { waiting: counts.byStatus.submitted + counts.byStatus.in_review, overdue: counts.overdue };
  });
}
