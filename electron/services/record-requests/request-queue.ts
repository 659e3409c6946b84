import {
  recentlyDoneDays,
  type RecordRequestFilter,
  type RecordRequestItem,
} from '../../../shared/api/record-request-calls';
import { moscowDay } from '../../../shared/domain/application-deadline';
import { searchFold } from '../../../shared/domain/person-name';
import { rightsActions } from '../../../shared/rights/access-actions';
import type { ActorContext } from '../../core/context';
import type { ReadTx } from '../../store/open-store';
import { recordRead } from '../../store/record-door';
import { loadBusinessCalendar } from '../dictionaries/business-calendar';
import { requestWithNames, toItem, type RequestRow } from './request-row';

const dayMs = 24 * 60 * 60 * 1000;
// Past the last Cyrillic letter in UTF-8 byte order: `x >= p AND x < p || top` is "starts with p".
const top = '\uffff';

/** SQL and its parameters, never glued. */
interface Where {
  sql: string[];
  params: (string | number)[];
}

/** Which statuses: those asked for, or the open ones and those done lately. */
function statusCondition(filter: RecordRequestFilter, at: string, where: Where): void {
  if (filter.statuses.length > 0) {
    where.sql.push(`r.status IN (${filter.statuses.map(() => '?').join(', ')})`);
    where.params.push(...filter.statuses);
    return;
  }
  where.sql.push(`(r.status IN ('open', 'in_work') OR (r.status = 'done' AND r.fulfilled_at >= ?))`);
  where.params.push(new Date(Date.parse(at) - recentlyDoneDays * dayMs).toISOString());
}

function conditions(filter: RecordRequestFilter, at: string): Where {
  const where: Where = { sql: [], params: [] };
  statusCondition(filter, at, where);
  if (filter.overdueOnly) {
    where.sql.push(`r.status <> 'done' AND r.due_on < ?`);
    where.params.push(moscowDay(at));
  }
  if (filter.escalatedOnly) where.sql.push('r.escalated_at IS NOT NULL');
  if (/\d/.test(filter.search)) {
    where.sql.push(`r.number LIKE ? ESCAPE '\\'`);
    where.params.push(`%${filter.search.toUpperCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
  } else if (filter.search !== '') {
    const fold = searchFold(filter.search);
    where.sql.push('p.surname_fold >= ? AND p.surname_fold < ?');
    where.params.push(fold, `${fold}${top}`);
  }
  return where;
}

/** The queue's rows: the overdue first, then by due date (nearest first), then by id. */
export function queueRows(tx: ReadTx, filter: RecordRequestFilter, at: string, limit: number): RequestRow[] {
  const where = conditions(filter, at);
  return tx.all<RequestRow>(
    `${requestWithNames} WHERE ${where.sql.join(' AND ')}
      ORDER BY (r.status <> 'done' AND r.due_on < ?) DESC, r.due_on, r.id LIMIT ?`,
    [...where.params, moscowDay(at), limit],
  );
}

/** Requests open, in work, and overdue (of those two) — over the index (status, due_on, id). */
function counts(tx: ReadTx, at: string): { open: number; inWork: number; overdue: number } {
  const count = (sql: string, params: string[]) => tx.get<{ n: number }>(sql, params)?.n ?? 0;
  const all = 'SELECT count(*) AS n FROM record_requests WHERE status = ?';
  const late = `${all} AND due_on < ?`;
  const today = moscowDay(at);
  return {
    open: count(all, ['open']),
    inWork: count(all, ['in_work']),
    overdue: count(late, ['open', today]) + count(late, ['in_work', today]),
  };
}

/**
 * The record requests' queue (F3): open, in work and lately done, the overdue first, each with
 * the working days left by the desk's production calendar; the read is audited with the patients
 * it showed.
 */
export function recordRequestQueue(
  ctx: ActorContext,
  input: { filter: RecordRequestFilter; limit: number },
): { items: RecordRequestItem[]; counts: { open: number; inWork: number; overdue: number } } {
  const calendar = loadBusinessCalendar(ctx);
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const rows = queueRows(tx, input.filter, at, input.limit);
    recordRead({ tx, actor: ctx.actor, at }, 'records.release', {
      action: rightsActions.requestRead,
      details: { view: 'queue', patients: [...new Set(rows.map((row) => row.patient_id))] },
    });
    return { items: rows.map((row) => toItem(row, at, calendar)), counts: counts(tx, at) };
  });
}

/** How many wait (open or in work) and how many of them are overdue: numbers for the rail, no patient data. */
export function recordRequestCount(ctx: ActorContext): { waiting: number; overdue: number } {
  return ctx.store.read((tx) => {
    const found = counts(tx, ctx.clock.now().toISOString());
    return { waiting: found.open + found.inWork, overdue: found.overdue };
  });
}
