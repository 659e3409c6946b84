import type { IncidentItem } from '../../../shared/api/incident-calls';
import { activeStatuses, leakKind } from '../../../shared/incidents/incident-words';
import { leakClocks } from '../../../shared/incidents/leak-deadlines';
import type { ActorContext } from '../../core/context';
import { incidentWithNames, toItem, type IncidentRow } from './incident-row';

const active = `i.status IN (${activeStatuses.map((status) => `'${status}'`).join(', ')})`;

/** The log: active ones (open, handling) first, each group newest detection first. */
export function listIncidents(
  ctx: Pick<ActorContext, 'store'>,
  input: { filter: 'open' | 'all'; limit: number },
): { items: IncidentItem[]; counts: { open: number; handling: number; leaks: number } } {
  return ctx.store.read((tx) => {
    const where = input.filter === 'open' ? `WHERE ${active}` : '';
    const rows = tx.all<IncidentRow>(
      `${incidentWithNames} ${where} ORDER BY ${active} DESC, i.detected_at DESC, i.id LIMIT ?`,
      [input.limit],
    );
    const counted = tx.get<{ open: number | null; handling: number | null; leaks: number | null }>(
      `SELECT sum(status = 'open') AS open, sum(status = 'handling') AS handling,
              sum(kind = ? AND status IN ('open', 'handling')) AS leaks FROM incidents`,
      [leakKind],
    );
    return {
      items: rows.map(toItem),
      counts: { open: counted?.open ?? 0, handling: counted?.handling ?? 0, leaks: counted?.leaks ?? 0 },
    };
  });
}

/** For the rail: active incidents, and active leaks with a 152-ФЗ clock overdue at `now`. */
export function countIncidents(ctx: Pick<ActorContext, 'store' | 'clock'>): { waiting: number; overdue: number } {
  const now = ctx.clock.now().toISOString();
  return ctx.store.read((tx) => {
    const rows = tx.all<{ kind: string; detected_at: string; notified_at: string | null; results_at: string | null }>(
      `SELECT i.kind, i.detected_at, i.notified_at, i.results_at FROM incidents i WHERE ${active}`,
    );
    const overdue = rows.filter((row) => {
      if (row.kind !== leakKind) return false;
      const clocks = leakClocks(
        { detectedAt: row.detected_at, notifiedAt: row.notified_at, resultsAt: row.results_at },
        now,
      );
      return clocks.notify.state === 'overdue' || clocks.results.state === 'overdue';
    }).length;
    return { waiting: rows.length, overdue };
  });
}
