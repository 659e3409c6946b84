import type { IncidentDetail, IncidentEntry, IncidentItem } from '../../../shared/api/incident-calls';
import { AppError } from '../../../shared/errors/app-error';
import {
  leakKind,
  type IncidentEntryKind,
  type IncidentKind,
  type IncidentSeverity,
  type IncidentSource,
  type IncidentStatus,
} from '../../../shared/incidents/incident-words';
import { leakDeadlines } from '../../../shared/incidents/leak-deadlines';
import type { ReadTx } from '../../store/open-store';

/** An `incidents` row with the names of the people it mentions. */
export interface IncidentRow {
  id: string;
  number: string;
  kind: IncidentKind;
  severity: IncidentSeverity;
  status: IncidentStatus;
  title: string;
  description: string;
  detected_at: string;
  source: IncidentSource;
  alert_key: string | null;
  opened_by: string | null;
  opened_by_name: string | null;
  handler_id: string | null;
  handler_name: string | null;
  resolution: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  review: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  notified_at: string | null;
  notified_by: string | null;
  notified_by_name: string | null;
  results_at: string | null;
  results_by: string | null;
  results_by_name: string | null;
}

const named = (column: string, alias: string) => `LEFT JOIN staff ${alias} ON ${alias}.id = i.${column}`;

export const incidentWithNames = `SELECT i.id, i.number, i.kind, i.severity, i.status, i.title, i.description,
    i.detected_at, i.source, i.alert_key, i.opened_by, i.handler_id, i.resolution, i.resolved_at, i.resolved_by,
    i.review, i.reviewed_at, i.reviewed_by, i.notified_at, i.notified_by, i.results_at, i.results_by,
    ob.display_name AS opened_by_name, hs.display_name AS handler_name, rs.display_name AS resolved_by_name,
    vs.display_name AS reviewed_by_name, ns.display_name AS notified_by_name, xs.display_name AS results_by_name
  FROM incidents i ${named('opened_by', 'ob')} ${named('handler_id', 'hs')} ${named('resolved_by', 'rs')}
  ${named('reviewed_by', 'vs')} ${named('notified_by', 'ns')} ${named('results_by', 'xs')}`;

export function requireIncident(tx: ReadTx, id: string): IncidentRow {
  const row = tx.get<IncidentRow>(`${incidentWithNames} WHERE i.id = ?`, [id]);
  if (!row) throw new AppError('incident.not_found', { field: 'id' });
  return row;
}

function person(id: string | null, name: string | null): { id: string; name: string } | null {
  return id === null ? null : { id, name: name ?? id };
}

export function toItem(row: IncidentRow): IncidentItem {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    severity: row.severity,
    status: row.status,
    title: row.title,
    detectedAt: row.detected_at,
    source: row.source,
    alertKey: row.alert_key,
    openedBy: person(row.opened_by, row.opened_by_name),
    handler: person(row.handler_id, row.handler_name),
    leak:
      row.kind === leakKind
        ? { ...leakDeadlines(row.detected_at), notifiedAt: row.notified_at, resultsAt: row.results_at }
        : null,
  };
}

interface EntryRow {
  id: string;
  kind: IncidentEntryKind;
  at: string;
  author_id: string | null;
  author_name: string | null;
  note: string | null;
  from_value: string | null;
  to_value: string | null;
}

export function timeline(tx: ReadTx, incidentId: string): IncidentEntry[] {
  return tx
    .all<EntryRow>(
      `SELECT e.id, e.kind, e.at, e.author_id, s.display_name AS author_name, e.note, e.from_value, e.to_value
         FROM incident_entries e LEFT JOIN staff s ON s.id = e.author_id
        WHERE e.incident_id = ? ORDER BY e.at, e.id`,
      [incidentId],
    )
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      at: row.at,
      author: person(row.author_id, row.author_name),
      note: row.note,
      from: row.from_value,
      to: row.to_value,
    }));
}

export function incidentDetail(tx: ReadTx, id: string): IncidentDetail {
  const row = requireIncident(tx, id);
  return {
    incident: {
      ...toItem(row),
      description: row.description,
      resolution: row.resolution,
      resolvedAt: row.resolved_at,
      resolvedBy: person(row.resolved_by, row.resolved_by_name),
      review: row.review,
      reviewedAt: row.reviewed_at,
      reviewedBy: person(row.reviewed_by, row.reviewed_by_name),
      notifiedBy: person(row.notified_by, row.notified_by_name),
      resultsBy: person(row.results_by, row.results_by_name),
    },
    entries: timeline(tx, id),
  };
}
