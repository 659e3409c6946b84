import type { AuditEventView, AuditVerdictView, auditViews } from '../../../shared/api/audit-calls';
import type { ActorContext } from '../../core/context';
import { appendAudit, verifyAuditChain } from '../../store/audit-log';

type AuditView = (typeof auditViews)[number];

const viewFilter: Record<AuditView, string> = {
  all: '',
  alerts: "AND e.action LIKE 'auth.alert.%'",
  'sign-in': "AND (e.action LIKE 'auth.sign_in.%' OR e.action LIKE 'auth.unlock.%')",
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

/**
 * The audit log for the auditor, newest first, a page at a time. Looking at it is itself an
 * audited event (who watches the watchers), written after the page is read so it is not in it.
 */
export function auditEvents(
  ctx: ActorContext,
  input: { view: AuditView; before?: number | undefined; limit: number },
): { items: AuditEventView[]; more: boolean } {
  return ctx.store.transaction((tx) => {
    const rows = tx.all<EventRow>(
      `SELECT e.seq, e.at, e.action, COALESCE(s.display_name, e.actor_id) AS actorName, e.actor_role AS actorRole,
              COALESCE(d.name, e.device_id) AS deviceName, e.patient_id AS patientId, e.details
         FROM audit_events e
         LEFT JOIN staff s ON s.id = e.actor_id
         LEFT JOIN devices d ON d.id = e.device_id
        WHERE e.seq < ? ${viewFilter[input.view]}
        ORDER BY e.seq DESC
        LIMIT ?`,
      [input.before ?? Number.MAX_SAFE_INTEGER, input.limit + 1],
    );
    appendAudit(tx, ctx.actor, ctx.clock.now().toISOString(), {
      action: 'audit.read',
      details: { view: input.view, before: input.before ?? null },
    });
    return {
      items: rows
        .slice(0, input.limit)
        .map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> })),
      more: rows.length > input.limit,
    };
  });
}

/** Recomputes the hash chain on demand (the CLI's `medcard verify` does the same). */
export function verifyAudit(ctx: ActorContext): AuditVerdictView {
  const verdict = ctx.store.transaction((tx) => verifyAuditChain(tx));
  ctx.store.transaction((tx) =>
    appendAudit(tx, ctx.actor, ctx.clock.now().toISOString(), {
      action: 'audit.verified',
      details: { ok: verdict.ok, events: verdict.events },
    }),
  );
  return verdict.ok
    ? { ok: true, events: verdict.events, broken: null }
    : { ok: false, events: verdict.events, broken: verdict.broken };
}
