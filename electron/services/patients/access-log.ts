import type { ActorContext } from '../../core/context';
import { commitWaitingReads } from '../../store/audit-log';
import { recordRead } from '../../store/record-door';

export interface AccessLogEntry {
  at: string;
  action: string;
  actorName: string;
  actorRole: string;
  deviceName: string;
}

/**
 * Who opened or changed this patient's card (F2), newest first, with the events of the cards
 * merged into it (B2: their history is the same person's). Reading it is audited too.
 */
export function patientAccessLog(ctx: ActorContext, patientId: string, limit: number): { items: AccessLogEntry[] } {
  return ctx.store.transaction((tx) => {
    // The reads still waiting to commit (audit-log.ts) belong in the answer: opening the card came first.
    commitWaitingReads(tx);
    const items = tx.all<AccessLogEntry>(
      `WITH RECURSIVE family(id) AS (SELECT ? UNION SELECT p.id FROM patients p JOIN family f ON p.merged_into = f.id)
       SELECT e.at, e.action, COALESCE(s.display_name, e.actor_id) AS actorName, e.actor_role AS actorRole,
              COALESCE(d.name, e.device_id) AS deviceName
         FROM audit_events e
         LEFT JOIN staff s ON s.id = e.actor_id
         LEFT JOIN devices d ON d.id = e.device_id
        WHERE e.patient_id IN (SELECT id FROM family)
        ORDER BY e.seq DESC
        LIMIT ?`,
      [patientId, limit],
    );
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'patients.access_log.read',
      patientId,
    });
    return { items };
  });
}
