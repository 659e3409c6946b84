import { z } from 'zod';
import { rightsActions } from './access-actions';

/**
 * «Кто открывал мою карту» (F2): the rules that turn audit events about one patient — as the
 * server holds them (shared/audit/audit-chain.ts `ClinicAuditEvent`) or as one desk does — into
 * lines a patient understands. Pure: the server's query (server/audit/patient-access.ts), the
 * desk's fallback (electron/services/patients/access-log.ts) and the tests use the same rules.
 *
 * - Every action is classified into a kind (opened the card, read a section, changed, printed,
 *   exported, shared, emergency access, a restriction decided, the auditor's review, appeared in a
 *   list) and a section; an action this build does not know is kept as `other` with its code.
 * - A list that showed the name (search, duplicates, a day's schedule) is not «открыл карту»:
 *   hidden unless asked for (`showListed`).
 * - The patient's own and their representative's access (role `patient`: the cabinet's chain) is
 *   hidden unless asked for (`showOwn`).
 * - Emergency access (`chart.emergency.started`, or any event with `details.emergencyAccessId`)
 *   is always shown and flagged, whatever the toggles say.
 * - Reads by one person at one desk within one visit (each gap under `accessVisitGapMinutes`) are
 *   one line with a count and the sections read; changes, prints, exports are a line each.
 */
export const accessVisitGapMinutes = 30;
const visitGapMs = accessVisitGapMinutes * 60_000;

export const accessKinds = [
  'opened',
  'read',
  'changed',
  'printed',
  'exported',
  'shared',
  'emergency',
  'restricted',
  'reviewed',
  'listed',
  'other',
] as const;
export type AccessKind = (typeof accessKinds)[number];

export const accessSections = [
  'card',
  'contacts',
  'chart',
  'documents',
  'scans',
  'consents',
  'proxies',
  'identity',
  'appointments',
  'applications',
  'record_requests',
  'access_log',
] as const;
export type AccessSection = (typeof accessSections)[number];

interface ActionClass {
  kind: AccessKind;
  section: AccessSection;
}

const c = (kind: AccessKind, section: AccessSection): ActionClass => ({ kind, section });

/**
 * Every action the desks and the server write with a patient's id (grep `action:` and
 * `recordRead(` in electron/ and server/), and its meaning for the patient.
 */
const actionClasses: Readonly<Record<string, ActionClass>> = {
  // the card
  'patients.read': c('opened', 'card'),
  'patients.create': c('changed', 'card'),
  'patients.imported': c('changed', 'card'),
  'patients.merged': c('changed', 'card'),
  'patients.corrected_from_document': c('changed', 'card'),
  'patients.contacts.update': c('changed', 'contacts'),
  'patients.contact_history.read': c('read', 'contacts'),
  'patients.search': c('listed', 'card'),
  'patients.duplicate_shown': c('listed', 'card'),
  'patients.duplicates': c('listed', 'card'),
  'sync.conflicts.read': c('read', 'card'),
  'sync.conflict.resolved': c('changed', 'card'),
  'sync.conflict.kept_device_value': c('changed', 'card'),
  [rightsActions.accessLogRead]: c('read', 'access_log'),
  // documents, scans, consents, proxies, identity
  'documents.read': c('read', 'documents'),
  'documents.compared': c('read', 'documents'),
  'documents.policy_checked': c('read', 'documents'),
  'documents.added': c('changed', 'documents'),
  'documents.replaced': c('changed', 'documents'),
  'documents.removed': c('changed', 'documents'),
  'documents.policy_confirmed': c('changed', 'documents'),
  'documents.policy_rejected': c('changed', 'documents'),
  'scans.list': c('read', 'scans'),
  'scans.read': c('read', 'scans'),
  'scans.accept': c('changed', 'scans'),
  'scans.remove': c('changed', 'scans'),
  'consents.read': c('read', 'consents'),
  'consents.signature.read': c('read', 'consents'),
  'consents.accept': c('changed', 'consents'),
  'consents.withdraw': c('changed', 'consents'),
  'proxies.read': c('read', 'proxies'),
  'proxies.add': c('changed', 'proxies'),
  'proxies.revoke': c('changed', 'proxies'),
  'verification.read': c('read', 'identity'),
  'verification.completed': c('changed', 'identity'),
  'verification.queue.read': c('listed', 'identity'),
  // the chart (desk and cabinet)
  'chart.history': c('read', 'chart'),
  'chart.entry': c('read', 'chart'),
  'chart.reports': c('read', 'chart'),
  'chart.labs': c('read', 'chart'),
  'chart.file': c('read', 'chart'),
  'chart.shares': c('read', 'chart'),
  'chart.shares.list': c('read', 'chart'),
  'chart.reports.queue': c('listed', 'chart'),
  'chart.record': c('changed', 'chart'),
  'chart.amend': c('changed', 'chart'),
  'chart.remove': c('changed', 'chart'),
  'chart.reports.accept': c('changed', 'chart'),
  'chart.reports.decline': c('changed', 'chart'),
  'chart.shares.send': c('shared', 'chart'),
  // appointments: a day's schedule or a range shows the name among many
  'appointments.get': c('read', 'appointments'),
  'appointments.patient': c('read', 'appointments'),
  'appointments.list': c('read', 'appointments'),
  'appointments.attachment': c('read', 'appointments'),
  'appointments.mine': c('listed', 'appointments'),
  'appointments.range': c('listed', 'appointments'),
  'appointments.book': c('changed', 'appointments'),
  'appointments.move': c('changed', 'appointments'),
  'appointments.cancel': c('changed', 'appointments'),
  'appointments.attach': c('changed', 'appointments'),
  'appointments.demo': c('changed', 'appointments'),
  // applications for a cabinet
  'applications.read': c('read', 'applications'),
  'applications.queue.read': c('listed', 'applications'),
  'applications.code_printed': c('printed', 'applications'),
  // issue 14
  [rightsActions.exportCreated]: c('exported', 'chart'),
  [rightsActions.exportPrinted]: c('printed', 'chart'),
  [rightsActions.restrictionAdded]: c('restricted', 'chart'),
  [rightsActions.restrictionLifted]: c('restricted', 'chart'),
  [rightsActions.emergencyStarted]: c('emergency', 'chart'),
  [rightsActions.emergencyReviewed]: c('reviewed', 'chart'),
  [rightsActions.requestRead]: c('read', 'record_requests'),
  [rightsActions.requestDownloaded]: c('read', 'record_requests'),
  [rightsActions.requestSubmitted]: c('changed', 'record_requests'),
  [rightsActions.requestTaken]: c('changed', 'record_requests'),
  [rightsActions.requestFileAttached]: c('changed', 'record_requests'),
  [rightsActions.requestPaperHanded]: c('changed', 'record_requests'),
  [rightsActions.requestDone]: c('changed', 'record_requests'),
  [rightsActions.requestEscalated]: c('changed', 'record_requests'),
};

/** Families written with a variable tail (`appointments.mark.arrived`, `applications.approved`). */
const familyClasses: readonly (readonly [prefix: string, value: ActionClass])[] = [
  ['appointments.mark.', c('changed', 'appointments')],
  ['applications.', c('changed', 'applications')],
  ['exports.', c('exported', 'chart')],
  ['record_requests.', c('changed', 'record_requests')],
  ['chart.restriction.', c('restricted', 'chart')],
];

/** What an audit action means to the patient; an unknown one is `other`, never dropped. */
export function classifyAccessAction(action: string): ActionClass {
  if (Object.hasOwn(actionClasses, action)) return actionClasses[action]!;
  const family = familyClasses.find(([prefix]) => action.startsWith(prefix));
  return family ? family[1] : c('other', 'card');
}

/** The actions the rules know by name (a test checks the code writes no other). */
export const knownAccessActions: readonly string[] = Object.keys(actionClasses);

/** One audit event about the patient, as the server or a desk holds it. */
export interface AccessEvent {
  /** Its place in the store, newest highest: the server's `position`, a desk's `seq`. */
  cursor: number;
  at: string;
  action: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  deviceId: string;
  deviceName: string;
  details: Record<string, unknown>;
}

/** The role the cabinet's chain writes: the patient, or their representative. */
export const cabinetActorRole = 'patient';

export const accessLogLineSchema = z.object({
  /** The newest event's cursor: unique in the log. */
  id: z.number().int(),
  kind: z.enum(accessKinds),
  /** The sections read or touched, in the order first seen. */
  sections: z.array(z.enum(accessSections)),
  /** The newest event's action code (shown for `other`). */
  action: z.string(),
  count: z.number().int().min(1),
  /** The first and the last event of the line (equal for one event). */
  from: z.string(),
  to: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  deviceName: z.string(),
  /** Made under a break-the-glass grant, or starting one: always shown, flagged. */
  emergency: z.boolean(),
  /** The patient's own or their representative's access (through the cabinet). */
  own: z.boolean(),
});
export type AccessLogLine = z.infer<typeof accessLogLineSchema>;

export const accessLogPageSchema = z.object({
  lines: z.array(accessLogLineSchema),
  /** Where the next page continues (older than this); null when there is nothing older. */
  cursor: z.number().int().nullable(),
  /** Events this page left out by the toggles: own access, appearances in lists. */
  hidden: z.object({ own: z.number().int(), listed: z.number().int() }),
});
export type AccessLogPage = z.infer<typeof accessLogPageSchema>;

export interface AccessLogOptions {
  showOwn: boolean;
  showListed: boolean;
  /** Lines wanted on a page; a page may hold more so that no visit is cut in two. */
  limit: number;
}

/** Lines per page, and the most a page may grow past it to keep a visit whole. */
export const accessLogPageLines = 30;
const overflowFactor = 3;

const groupedKinds: ReadonlySet<AccessKind> = new Set(['opened', 'read', 'listed']);

const isEmergency = (event: AccessEvent) =>
  event.action === rightsActions.emergencyStarted ||
  (typeof event.details.emergencyAccessId === 'string' && event.details.emergencyAccessId !== '');

/**
 * One page of lines from events newest first (`events` continue a previous page's cursor).
 * `exhausted`: nothing older exists. Answers `undefined` when it needs more events to cut the
 * page cleanly: at a point where every visit on the page has ended (the next shown event is more
 * than the gap older than each of them), or at `limit × 3` lines, or at the end of `events` when
 * the caller cannot give more (`exhausted`, or `capped`: it read as much as one answer may).
 */
export function pageAccessLog(
  events: readonly AccessEvent[],
  options: AccessLogOptions,
  end: 'exhausted' | 'capped' | 'open',
): AccessLogPage | undefined {
  const lines: AccessLogLine[] = [];
  const open = new Map<string, AccessLogLine>();
  const hidden = { own: 0, listed: 0 };
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    const { kind, section } = classifyAccessAction(event.action);
    const emergency = isEmergency(event);
    const own = event.actorRole === cabinetActorRole;
    if (!emergency && own && !options.showOwn) {
      hidden.own++;
      continue;
    }
    if (!emergency && kind === 'listed' && !options.showListed) {
      hidden.listed++;
      continue;
    }
    const at = Date.parse(event.at);
    const key = `${event.actorId}\u0000${event.deviceId}\u0000${emergency}\u0000${kind === 'listed'}`;
    const joining = groupedKinds.has(kind) ? open.get(key) : undefined;
    // Desks that sync late put older events after newer ones: the gap counts either way.
    if (joining && Math.abs(Date.parse(joining.from) - at) < visitGapMs) {
      const line = joining;
      line.count++;
      line.from = event.at;
      if (!line.sections.includes(section)) line.sections.push(section);
      if (kind === 'opened') line.kind = 'opened';
      continue;
    }
    if (lines.length >= options.limit) {
      const allEnded = [...open.values()].every((item) => Date.parse(item.from) - at >= visitGapMs);
      if (allEnded || lines.length >= options.limit * overflowFactor) {
        return { lines, cursor: events[index - 1]!.cursor, hidden };
      }
    }
    const line: AccessLogLine = {
      id: event.cursor,
      kind,
      sections: [section],
      action: event.action,
      count: 1,
      from: event.at,
      to: event.at,
      actorId: event.actorId,
      actorName: event.actorName,
      actorRole: event.actorRole,
      deviceName: event.deviceName,
      emergency,
      own,
    };
    lines.push(line);
    if (groupedKinds.has(kind)) open.set(key, line);
  }
  if (end === 'open') return undefined;
  const last = events.at(-1);
  return { lines, cursor: end === 'capped' && last ? last.cursor : null, hidden };
}

/** The desk's question to its server (`POST /v1/audit/patient-access`) and the cabinet's, alike. */
export const patientAccessQuerySchema = z.strictObject({
  patientId: z.string().min(1).max(64),
  /** The previous page's `cursor`: older than this. */
  cursor: z.number().int().min(1).optional(),
  showOwn: z.boolean().default(false),
  showListed: z.boolean().default(false),
  limit: z.number().int().min(1).max(100).default(accessLogPageLines),
});
export type PatientAccessQuery = z.output<typeof patientAccessQuerySchema>;

/** Raw events read per round: the first small (most pages fill from it), then larger. */
const chunkEvents = [200, 1_000] as const;
/** The most events one page reads; past it the page ends where it got to (its cursor continues). */
export const maxEventsPerPage = 6_000;

/** One round's ask: events older than `before` (all when undefined), newest first, at most `size`. */
export interface AccessChunkAsk {
  before: number | undefined;
  size: number;
}

/**
 * Reads one page in bounded rounds, for a store that answers keyset chunks (the server's
 * `audit_events (clinic_id, patient_id, position)`, a desk's chain by `seq`): yields what it needs
 * next, is given those events, and returns the page once the rules can cut it.
 */
export function* accessPageReader(
  options: AccessLogOptions & { cursor?: number | undefined },
): Generator<AccessChunkAsk, AccessLogPage, readonly AccessEvent[]> {
  const events: AccessEvent[] = [];
  let before = options.cursor;
  for (let round = 0; ; round++) {
    const size = chunkEvents[Math.min(round, chunkEvents.length - 1)]!;
    const chunk = yield { before, size };
    events.push(...chunk);
    const end = chunk.length < size ? 'exhausted' : events.length >= maxEventsPerPage ? 'capped' : 'open';
    const page = pageAccessLog(events, options, end);
    if (page) return page;
    before = chunk.at(-1)!.cursor;
  }
}
