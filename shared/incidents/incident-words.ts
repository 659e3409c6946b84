/**
 * The clinic's incident log (issue 15, seed §6.2): the words an incident and its timeline are
 * made of, shared by the desk, the server's rule and the screens.
 */

/** What went wrong: the seed's list (§6.2) folded into what the clinic must do differently. */
export const incidentKinds = ['outage', 'data_corruption', 'security', 'personal_data_leak', 'other'] as const;
export type IncidentKind = (typeof incidentKinds)[number];

/** A suspected leak of personal data starts 152-ФЗ's clocks (leak-deadlines.ts). */
export const leakKind: IncidentKind = 'personal_data_leak';

export const incidentSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type IncidentSeverity = (typeof incidentSeverities)[number];

/** open → handling → resolved → reviewed; a resolved one may be taken back into handling. */
export const incidentStatuses = ['open', 'handling', 'resolved', 'reviewed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** Still needs someone: open or being handled. */
export const activeStatuses: readonly IncidentStatus[] = ['open', 'handling'];

/** Who opened it: a person at the clinic, or the server's own alert (`alert_key` names the alert). */
export const incidentSources = ['staff', 'alert'] as const;
export type IncidentSource = (typeof incidentSources)[number];

/** One step of the timeline (`incident_entries`, append-only). */
export const incidentEntryKinds = ['opened', 'note', 'status', 'handler', 'classified', 'notice', 'review'] as const;
export type IncidentEntryKind = (typeof incidentEntryKinds)[number];

/** The two notices 152-ФЗ asks of a leak: the first within 24 h, the investigation's results within 72 h. */
export const leakNotices = ['notified', 'results'] as const;
export type LeakNotice = (typeof leakNotices)[number];

const moves: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  open: ['handling'],
  handling: ['resolved'],
  resolved: ['handling', 'reviewed'],
  reviewed: [],
};

/** Whether the status may move from `from` to `to` (staying is not a move). */
export function canMove(from: IncidentStatus, to: IncidentStatus): boolean {
  return moves[from].includes(to);
}

export function isIncidentStatus(value: unknown): value is IncidentStatus {
  return incidentStatuses.some((status) => status === value);
}

export function isIncidentKind(value: unknown): value is IncidentKind {
  return incidentKinds.some((kind) => kind === value);
}

export function isIncidentSeverity(value: unknown): value is IncidentSeverity {
  return incidentSeverities.some((severity) => severity === value);
}

/** Limits of the texts people write (the desk's zod schemas and the server's rule share them). */
export const incidentTextLimits = { title: 200, text: 5000 } as const;

/** The desk's audit actions for the incident log. */
export const incidentActions = {
  opened: 'incidents.opened',
  read: 'incidents.read',
  taken: 'incidents.taken',
  noted: 'incidents.noted',
  status: 'incidents.status',
  classified: 'incidents.classified',
  notice: 'incidents.notice',
  reviewed: 'incidents.reviewed',
} as const;
