import type { IncidentDetail } from '../../../shared/api/incident-calls';
import { AppError } from '../../../shared/errors/app-error';
import {
  canMove,
  incidentActions,
  leakKind,
  type IncidentKind,
  type IncidentSeverity,
  type LeakNotice,
} from '../../../shared/incidents/incident-words';
import type { ActorContext } from '../../core/context';
import { insertRecord, updateRecord, type DoorContext, type FieldValue } from '../../store/record-door';
import type { IncidentRow } from './incident-row';
import { appendEntry, incidentStep } from './incident-step';

/**
 * A manager's steps on an incident (`incidents.manage`), judged here as the server's rule judges
 * them (server/incidents/incident-rule.ts) so a refusal is said at once, not after a push.
 */
function assertNotReviewed(row: IncidentRow): void {
  if (row.status === 'reviewed') throw new AppError('incident.reviewed', { field: 'id' });
}

function update(door: DoorContext, row: IncidentRow, fields: Record<string, FieldValue>, action: string) {
  updateRecord(door, 'incidents.manage', 'incidents', row.id, fields, {
    action,
    details: { incidentId: row.id, number: row.number },
  });
}

/** Become the handler; an open incident moves to handling. */
export function takeIncident(ctx: ActorContext, id: string): IncidentDetail {
  return incidentStep(ctx, id, (door, row) => {
    assertNotReviewed(row);
    if (row.status === 'resolved') throw new AppError('incident.transition', { field: 'status' });
    if (row.handler_id === door.actor.staffId && row.status === 'handling') return;
    update(door, row, { handler_id: door.actor.staffId, status: 'handling' }, incidentActions.taken);
    appendEntry(door, id, 'handler', { from: row.handler_id, to: door.actor.staffId });
  });
}

export function noteIncident(ctx: ActorContext, id: string, note: string): IncidentDetail {
  return incidentStep(ctx, id, (door, row) => {
    assertNotReviewed(row);
    insertRecord(
      door,
      'incidents.manage',
      'incident_entries',
      {
        incident_id: id,
        kind: 'note',
        at: door.at,
        author_id: door.actor.staffId,
        note,
        from_value: null,
        to_value: null,
      },
      { action: incidentActions.noted, details: { incidentId: id, number: row.number } },
    );
  });
}

/** Resolved with its resolution, or back to handling from resolved. */
export function setIncidentStatus(
  ctx: ActorContext,
  id: string,
  status: 'handling' | 'resolved',
  resolution: string,
): IncidentDetail {
  return incidentStep(ctx, id, (door, row) => {
    assertNotReviewed(row);
    if (row.status === status) return;
    if (!canMove(row.status, status)) throw new AppError('incident.transition', { field: 'status' });
    if (row.handler_id === null) throw new AppError('incident.not_handler', { field: 'id' });
    const fields: Record<string, FieldValue> = { status };
    if (status === 'resolved') {
      if (resolution === '') throw new AppError('incident.resolution_required', { field: 'resolution' });
      Object.assign(fields, { resolution, resolved_at: door.at, resolved_by: door.actor.staffId });
    }
    update(door, row, fields, incidentActions.status);
    appendEntry(door, id, 'status', { from: row.status, to: status, note: status === 'resolved' ? resolution : null });
  });
}

export function classifyIncident(
  ctx: ActorContext,
  id: string,
  kind: IncidentKind,
  severity: IncidentSeverity,
): IncidentDetail {
  return incidentStep(ctx, id, (door, row) => {
    assertNotReviewed(row);
    if (row.kind === leakKind && kind !== leakKind) throw new AppError('incident.leak_kind_fixed', { field: 'kind' });
    if (row.kind === kind && row.severity === severity) return;
    update(door, row, { kind, severity }, incidentActions.classified);
    appendEntry(door, id, 'classified', { from: `${row.kind}/${row.severity}`, to: `${kind}/${severity}` });
  });
}

/** A leak's notice to Роскомнадзор, sent at `at`: not in the future nor before detection; once. */
export function recordLeakNotice(ctx: ActorContext, id: string, notice: LeakNotice, at: string): IncidentDetail {
  return incidentStep(ctx, id, (door, row) => {
    assertNotReviewed(row);
    if (row.kind !== leakKind) throw new AppError('incident.not_leak', { field: 'notice' });
    const sent = new Date(at);
    if (sent.getTime() > Date.parse(door.at)) throw new AppError('incident.notice_in_future', { field: 'at' });
    if (sent.getTime() < Date.parse(row.detected_at))
      throw new AppError('incident.notice_before_detected', { field: 'at' });
    if ((notice === 'notified' ? row.notified_at : row.results_at) !== null)
      throw new AppError('incident.notice_recorded', { field: 'notice' });
    if (notice === 'results' && row.notified_at === null)
      throw new AppError('incident.results_before_notice', { field: 'notice' });
    update(
      door,
      row,
      { [`${notice}_at`]: sent.toISOString(), [`${notice}_by`]: door.actor.staffId },
      incidentActions.notice,
    );
    appendEntry(door, id, 'notice', { to: notice, note: sent.toISOString() });
  });
}

/** The post-incident review: causes and what was changed; only once resolved, and final. */
export function reviewIncident(ctx: ActorContext, id: string, review: string): IncidentDetail {
  return incidentStep(ctx, id, (door, row) => {
    assertNotReviewed(row);
    if (row.status !== 'resolved') throw new AppError('incident.review_before_resolved', { field: 'review' });
    update(
      door,
      row,
      { status: 'reviewed', review, reviewed_at: door.at, reviewed_by: door.actor.staffId },
      incidentActions.reviewed,
    );
    appendEntry(door, id, 'review', { from: 'resolved', to: 'reviewed', note: review });
  });
}
