import type { IncidentKind, IncidentSeverity, IncidentSource } from './incident-words';

/** What opening an incident says: by a person at a desk, or by the server's alert. */
export interface IncidentOpening {
  number: string;
  kind: IncidentKind;
  severity: IncidentSeverity;
  title: string;
  description: string;
  detected_at: string;
  opened_by: string | null;
  source: IncidentSource;
  alert_key: string | null;
}

/** A just-opened incident's row: open, nobody handling it, nothing resolved, reviewed or notified yet. */
export function openedIncidentRow(opening: IncidentOpening) {
  return {
    ...opening,
    status: 'open' as const,
    handler_id: null,
    resolution: null,
    resolved_at: null,
    resolved_by: null,
    review: null,
    reviewed_at: null,
    reviewed_by: null,
    notified_at: null,
    notified_by: null,
    results_at: null,
    results_by: null,
  };
}
