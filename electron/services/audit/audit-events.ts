import type { AuditEventView, AuditFilter, AuditVerdictView, auditViews } from '../../../shared/api/audit-calls';
import type { ClinicAuditEvent } from '../../../shared/audit/audit-chain';
import type { ActorContext } from '../../core/context';
import { appendAudit, commitWaitingReads } from '../../store/audit-log';
import type { Tx } from '../../store/open-store';
import { SyncRefusedError, SyncUnreachableError } from '../../sync/sync-transport';
import { auditServerOf } from './audit-server';
import { checkAuditChain } from './chain-report';

type AuditView = (typeof auditViews)[number];
type Page = { items: AuditEventView[]; more: boolean };
type EventsInput = AuditFilter & { view: AuditView; before?: number | undefined; limit: number };
export type AuditEventsPage = Page & {
  source: 'clinic' | 'desk';
  note: 'audit.server.unreachable' | 'audit.server.not_enrolled' | null;
};

/** The actions each view shows (as beginnings), on the server and on the desk alike. */
const viewActions: Record<AuditView, string[] | undefined> = {
  all: undefined,
  alerts: ['auth.alert.'],
  'sign-in': ['auth.sign_in.', 'auth.unlock.'],
};

interface EventRow {
  seq: number;
  at: string;
  action: string;
  actorName: string;
  actorRole: string;
  deviceName: string;
  patientId: string | null;
  details: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** This desk's own events by the same filters (offline, or a desk with no server). */
function deskEvents(tx: Tx, input: EventsInput): Page {
  const where: string[] = ['e.seq < ?'];
  const params: unknown[] = [input.before ?? Number.MAX_SAFE_INTEGER];
  const actions = viewActions[input.view];
  if (actions) {
    where.push(`(${actions.map(() => "e.action LIKE ? ESCAPE '\\'").join(' OR ')})`);
    params.push(...actions.map((action) => `${escapeLike(action)}%`));
  }
  if (input.action) {
    where.push("e.action LIKE ? ESCAPE '\\'");
    params.push(`${escapeLike(input.action)}%`);
  }
  if (input.patientId) {
    where.push('e.patient_id = ?');
    params.push(input.patientId);
  }
  if (input.actor) {
    where.push("(e.actor_id = ? OR s.display_name LIKE ? ESCAPE '\\')");
    params.push(input.actor, `%${escapeLike(input.actor)}%`);
  }
  if (input.device) {
    where.push("(e.device_id = ? OR d.name LIKE ? ESCAPE '\\')");
    params.push(input.device, `%${escapeLike(input.device)}%`);
  }
  if (input.from) {
    where.push('e.at >= ?');
    params.push(new Date(input.from).toISOString());
  }
  if (input.to) {
    where.push('e.at <= ?');
    params.push(new Date(input.to).toISOString());
  }
  const rows = tx.all<EventRow>(
    `SELECT e.seq, e.at, e.action, COALESCE(s.display_name, e.actor_id) AS actorName, e.actor_role AS actorRole,
            COALESCE(d.name, e.device_id) AS deviceName, e.patient_id AS patientId, e.details
       FROM audit_events e
       LEFT JOIN staff s ON s.id = e.actor_id
       LEFT JOIN devices d ON d.id = e.device_id
      WHERE ${where.join(' AND ')}
      ORDER BY e.seq DESC
      LIMIT ?`,
    [...params, input.limit + 1],
  );
  return {
    items: rows
      .slice(0, input.limit)
      .map((row) => ({ ...row, cursor: row.seq, details: JSON.parse(row.details) as Record<string, unknown> })),
    more: rows.length > input.limit,
  };
}

const fromClinic = (event: ClinicAuditEvent): AuditEventView => ({
  cursor: event.cursor,
  seq: event.seq,
  at: event.at,
  action: event.action,
  actorName: event.actorName,
  actorRole: event.actorRole,
  deviceName: event.deviceName,
  patientId: event.patientId,
  details: event.details,
});

const filtersOf = ({ patientId, actor, device, action, from, to }: AuditFilter): AuditFilter =>
  Object.fromEntries(
    Object.entries({ patientId, actor, device, action, from, to }).filter(([, value]) => value !== undefined),
  );

/**
 * The audit for the auditor, newest first, a page at a time: the clinic's, every desk's, from the
 * server (issue 10, item 3); this desk's own when the server cannot be asked, with a note saying
 * so. Looking at it is itself an audited event (who watches the watchers), written after the page
 * is read so it is not in it.
 */
export async function auditEvents(ctx: ActorContext, input: EventsInput): Promise<AuditEventsPage> {
  const server = auditServerOf(ctx.store);
  const filters = filtersOf(input);
  let page: AuditEventsPage | undefined;
  if (server) {
    try {
      const actions = viewActions[input.view];
      const answer = await server.query({
        ...filters,
        ...(actions ? { actions } : {}),
        ...(input.before === undefined ? {} : { before: input.before }),
        limit: input.limit,
      });
      page = { items: answer.items.map(fromClinic), more: answer.more, source: 'clinic', note: null };
    } catch (error) {
      if (!(error instanceof SyncUnreachableError || error instanceof SyncRefusedError)) throw error;
    }
  }
  return ctx.store.transaction((tx) => {
    commitWaitingReads(tx);
    page ??= {
      ...deskEvents(tx, input),
      source: 'desk',
      note: server ? 'audit.server.unreachable' : 'audit.server.not_enrolled',
    };
    appendAudit(tx, ctx.actor, ctx.clock.now().toISOString(), {
      action: 'audit.read',
      details: { view: input.view, ...filters, before: input.before ?? null, source: page.source },
    });
    return page;
  });
}

/**
 * Checks the chain on demand (the CLI's `medcard verify` does the same): the local chain
 * recomputed, its append-only triggers in place, and — the part an insider with the database
 * key cannot fake — the chain compared with the server's copy of it.
 */
export async function verifyAudit(ctx: ActorContext): Promise<AuditVerdictView> {
  ctx.store.transaction((tx) => commitWaitingReads(tx));
  const { chain, triggers, anchor, ok } = await checkAuditChain(ctx.store);
  ctx.store.transaction((tx) =>
    appendAudit(tx, ctx.actor, ctx.clock.now().toISOString(), {
      action: 'audit.verified',
      details: { ok, events: chain.events, triggers, anchor: anchor.status },
    }),
  );
  return { ok, events: chain.events, broken: chain.ok ? null : chain.broken, triggers, anchor };
}
