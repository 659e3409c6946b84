import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { moscowDay } from '../../shared/domain/application-deadline';
import { incidentNumber } from '../../shared/incidents/incident-number';
import { incidentTextLimits, type IncidentKind, type IncidentSeverity } from '../../shared/incidents/incident-words';
import { withChangeLog } from '../sync/change-log';
import { writeServerRow } from '../sync/server-rows';
import { activeAlertIncident } from './incident-rows';
import { openedIncidentRow } from '../../shared/incidents/opened-incident';

export interface AlertIncident {
  clinicId: string;
  /** The alert's stable name (`health.disk_low`, `sync.push_errors`): one active incident per key. */
  key: string;
  severity: IncidentSeverity;
  /** What kind of trouble; an outage unless told (an alert rarely knows more). */
  kind?: IncidentKind;
  title: string;
  /** What the alert saw, in words (becomes the incident's «what happened» and its first timeline entry). */
  detail: string;
  /** When the alert saw it; now by default. */
  now?: Date;
}

/**
 * Opens an incident for a server alert (issue 15, §6.2: «фиксировать инцидент»), unless one of the
 * same `key` is still open or being handled — then nothing is written and `opened` is false. The
 * incident and its «opened» timeline entry are the server's own synced change (`withChangeLog`,
 * no device, no person), so every desk of the clinic pulls them; `source` is 'alert'. `db` may be
 * a transaction the caller holds (the change log's lock is taken within it; it is re-entrant).
 */
export async function openAlertIncident(db: Knex, alert: AlertIncident): Promise<{ id: string; opened: boolean }> {
  const now = alert.now ?? new Date();
  const at = now.toISOString();
  return withChangeLog(db, { now, clinicId: alert.clinicId }, async (log) => {
    // Asked under the lock: two passes at once (two instances) open one incident, not two.
    const active = await activeAlertIncident(log.trx, alert.clinicId, alert.key);
    if (active) return { id: active.id, opened: false };
    const id = uuidv7();
    const description = alert.detail.slice(0, incidentTextLimits.text);
    await writeServerRow(
      log,
      'incidents',
      id,
      undefined,
      openedIncidentRow({
        number: incidentNumber(Number(moscowDay(at).slice(0, 4)), randomBytes(6)),
        kind: alert.kind ?? 'outage',
        severity: alert.severity,
        title: alert.title.slice(0, incidentTextLimits.title),
        description,
        detected_at: at,
        opened_by: null,
        source: 'alert',
        alert_key: alert.key,
      }),
      at,
    );
    await writeServerRow(
      log,
      'incident_entries',
      uuidv7(),
      undefined,
      {
        incident_id: id,
        kind: 'opened',
        at,
        author_id: null,
        note: description,
        from_value: null,
        to_value: 'open',
      },
      at,
    );
    return { id, opened: true };
  });
}
