import { randomBytes } from 'node:crypto';
import type { IncidentDetail } from '../../../shared/api/incident-calls';
import { moscowDay } from '../../../shared/domain/application-deadline';
import { AppError } from '../../../shared/errors/app-error';
import { incidentNumber } from '../../../shared/incidents/incident-number';
import { incidentActions, type IncidentKind, type IncidentSeverity } from '../../../shared/incidents/incident-words';
import type { ActorContext } from '../../core/context';
import { insertRecord } from '../../store/record-door';
import { incidentDetail } from './incident-row';
import { appendEntry } from './incident-step';
import { openedIncidentRow } from '../../../shared/incidents/opened-incident';

export interface IncidentReport {
  kind: IncidentKind;
  severity: IncidentSeverity;
  title: string;
  description: string;
  detectedAt?: string | undefined;
}

/**
 * «Сообщить об инциденте»: anyone at the clinic opens an incident in their own name, open and not
 * yet handled, with its «opened» timeline entry; a suspected personal-data leak starts the
 * 152-ФЗ clocks from `detectedAt` (now unless told; never in the future).
 */
export function openIncident(ctx: ActorContext, report: IncidentReport): IncidentDetail {
  const now = ctx.clock.now();
  const detectedAt = report.detectedAt ?? now.toISOString();
  if (Date.parse(detectedAt) > now.getTime())
    throw new AppError('incident.detected_in_future', { field: 'detectedAt' });
  return ctx.store.transaction((tx) => {
    const door = { tx, actor: ctx.actor, at: now.toISOString() };
    const number = incidentNumber(Number(moscowDay(detectedAt).slice(0, 4)), randomBytes(6));
    const id = insertRecord(
      door,
      'incidents.report',
      'incidents',
      openedIncidentRow({
        number,
        kind: report.kind,
        severity: report.severity,
        title: report.title,
        description: report.description,
        detected_at: new Date(detectedAt).toISOString(),
        opened_by: ctx.actor.staffId,
        source: 'staff',
        alert_key: null,
      }),
      { action: incidentActions.opened, details: { number, kind: report.kind, severity: report.severity } },
    );
    appendEntry(door, id, 'opened', { note: report.description || null, to: 'open' });
    return incidentDetail(tx, id);
  });
}
