import type { IncidentDetail } from '../../../shared/api/incident-calls';
import type { IncidentEntryKind } from '../../../shared/incidents/incident-words';
import type { ActorContext } from '../../core/context';
import { insertSyncedRow, type DoorContext } from '../../store/record-door';
import { incidentDetail, requireIncident, type IncidentRow } from './incident-row';

/**
 * One step on an incident: the row read and judged in the step's own transaction, the change
 * written through the door, the incident answered as it now is. A refused step throws before it
 * writes, so nothing of it is kept.
 */
export function incidentStep(
  ctx: ActorContext,
  id: string,
  step: (door: DoorContext, row: IncidentRow) => void,
): IncidentDetail {
  return ctx.store.transaction((tx) => {
    const door = { tx, actor: ctx.actor, at: ctx.clock.now().toISOString() };
    step(door, requireIncident(tx, id));
    return incidentDetail(tx, id);
  });
}

/** A timeline entry in the step's transaction (the step's own audit event covers it). */
export function appendEntry(
  door: DoorContext,
  incidentId: string,
  kind: IncidentEntryKind,
  entry: { note?: string | null; from?: string | null; to?: string | null } = {},
): void {
  insertSyncedRow(door, 'incident_entries', {
    incident_id: incidentId,
    kind,
    at: door.at,
    author_id: door.actor.staffId,
    note: entry.note ?? null,
    from_value: entry.from ?? null,
    to_value: entry.to ?? null,
  });
}
