import type { Knex } from 'knex';
import { can, roles, type Role } from '../../shared/auth/permissions';
import type { ErrorCode } from '../../shared/errors/catalog';
import { incidentNumberPattern } from '../../shared/incidents/incident-number';
import {
  canMove,
  incidentTextLimits,
  isIncidentKind,
  isIncidentSeverity,
  isIncidentStatus,
  leakKind,
} from '../../shared/incidents/incident-words';
import { isInstant } from '../../shared/incidents/leak-deadlines';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { toRecord } from '../db/values';
import { refusal, type RowState, type RuleScope, type TableRule } from '../sync/table-rules';

/**
 * A desk's writes to the incident log (issue 15, §6.2), judged against the server's row. Anyone
 * (`incidents.report`) opens an incident as themself, open and unhandled; every later step is a
 * manager's (`incidents.manage`: auditor, admin), in their own name: take it (become its
 * handler), resolve it with a resolution, review it only after that, and for a personal-data leak
 * record the regulator's notices — at times not in the future nor before the detection, each once.
 * A leak's kind is never dropped once its clock runs; a reviewed incident never changes.
 */
type Data = Record<string, unknown>;
type Refuse = (code: ErrorCode, field?: string) => MutationResult;

/** A desk's clock may run a little ahead of the server's. */
export const clockSkewMs = 5 * 60_000;

const stamps = new Set(['updated_at', 'updated_by', 'device_id']);
/** What a manager's step may change; the rest is fixed from the opening. */
const steps = new Set([
  'kind',
  'severity',
  'status',
  'handler_id',
  'resolution',
  'resolved_at',
  'resolved_by',
  'review',
  'reviewed_at',
  'reviewed_by',
  'notified_at',
  'notified_by',
  'results_at',
  'results_by',
]);
/** Set only by later steps: a new incident has none of them. */
const laterSteps = [...steps].filter((field) => !['kind', 'severity', 'status'].includes(field));

const isSet = (value: unknown): boolean => value !== null && value !== undefined && value !== '';
const inFuture = (at: string): boolean => Date.parse(at) > Date.now() + clockSkewMs;

function refuseText(refuse: Refuse, data: Data, field: string, limit: number, required: ErrorCode | null) {
  const value = data[field];
  if (value === null || value === undefined) return required ? refuse(required, field) : null;
  if (typeof value !== 'string') return refuse('incident.text_too_long', field);
  if (required && value.trim() === '') return refuse(required, field);
  return value.length > limit ? refuse('incident.text_too_long', field) : null;
}

function refuseOpening(refuse: Refuse, mutation: Mutation): MutationResult | null {
  const data = mutation.changed;
  if (data.source !== 'staff' || isSet(data.alert_key)) return refuse('incident.not_creatable', 'source');
  if (data.status !== 'open') return refuse('incident.transition', 'status');
  if (data.opened_by !== mutation.actorId) return refuse('incident.actor_mismatch', 'opened_by');
  if (typeof data.number !== 'string' || !incidentNumberPattern.test(data.number))
    return refuse('incident.not_creatable', 'number');
  if (!isIncidentKind(data.kind)) return refuse('incident.kind_unknown', 'kind');
  if (!isIncidentSeverity(data.severity)) return refuse('incident.severity_unknown', 'severity');
  if (!isInstant(data.detected_at)) return refuse('incident.instant', 'detected_at');
  if (inFuture(data.detected_at)) return refuse('incident.detected_in_future', 'detected_at');
  const later = laterSteps.find((field) => isSet(data[field]));
  if (later) return refuse('incident.not_creatable', later);
  return (
    refuseText(refuse, data, 'title', incidentTextLimits.title, 'incident.title_required') ??
    refuseText(refuse, data, 'description', incidentTextLimits.text, null)
  );
}

/** When a pair of a step's fields is set now: its time an instant not in the future, its person the pusher. */
function refuseStep(refuse: Refuse, after: Data, changed: Data, actorId: string, at: string, by: string) {
  if (!(at in changed) && !(by in changed)) return null;
  if (!isInstant(after[at])) return refuse('incident.instant', at);
  if (inFuture(after[at])) return refuse(at === 'resolved_at' ? 'incident.instant' : 'incident.notice_in_future', at);
  return after[by] === actorId ? null : refuse('incident.actor_mismatch', by);
}

function refuseNotices(refuse: Refuse, before: Data, after: Data, changed: Data, actorId: string) {
  const touched = ['notified_at', 'notified_by', 'results_at', 'results_by'].filter((field) => field in changed);
  if (touched.length === 0) return null;
  if (after.kind !== leakKind) return refuse('incident.not_leak', touched[0]);
  for (const field of touched) {
    if (isSet(before[field]) && before[field] !== changed[field]) return refuse('incident.notice_recorded', field);
  }
  const stepped =
    refuseStep(refuse, after, changed, actorId, 'notified_at', 'notified_by') ??
    refuseStep(refuse, after, changed, actorId, 'results_at', 'results_by');
  if (stepped) return stepped;
  const detected = Date.parse(String(after.detected_at));
  for (const field of ['notified_at', 'results_at'] as const) {
    if (field in changed && Date.parse(String(after[field])) < detected)
      return refuse('incident.notice_before_detected', field);
  }
  if (isSet(after.results_at) && !isSet(after.notified_at))
    return refuse('incident.results_before_notice', 'results_at');
  return null;
}

async function isManager(trx: Knex.Transaction, clinicId: string, actorId: string): Promise<boolean> {
  const row = await trx('records')
    .where({ table_name: 'staff', clinic_id: clinicId, id: actorId })
    .first<{ data: unknown } | undefined>('data');
  const stored = row ? toRecord(row.data).role : undefined;
  const role = roles.find((known): known is Role => known === stored);
  return role !== undefined && can(role, 'incidents.manage');
}

function refuseChange(refuse: Refuse, mutation: Mutation, before: Data): MutationResult | null {
  const changed = mutation.changed;
  const actor = mutation.actorId;
  if (before.status === 'reviewed') return refuse('incident.reviewed', 'status');
  for (const [field, value] of Object.entries(changed)) {
    if (stamps.has(field) || steps.has(field) || (before[field] ?? null) === value) continue;
    return refuse('incident.field_fixed', field);
  }
  const after: Data = { ...before, ...changed };
  if (!isIncidentKind(after.kind)) return refuse('incident.kind_unknown', 'kind');
  if (!isIncidentSeverity(after.severity)) return refuse('incident.severity_unknown', 'severity');
  if (before.kind === leakKind && after.kind !== leakKind) return refuse('incident.leak_kind_fixed', 'kind');
  const from = before.status;
  const to = after.status;
  if (to === 'reviewed' && from !== 'resolved' && from !== to)
    return refuse('incident.review_before_resolved', 'status');
  if (!isIncidentStatus(from) || !isIncidentStatus(to) || (from !== to && !canMove(from, to)))
    return refuse('incident.transition', 'status');
  if ('handler_id' in changed && changed.handler_id !== actor) return refuse('incident.actor_mismatch', 'handler_id');
  if (to !== 'open' && !isSet(after.handler_id)) return refuse('incident.not_handler', 'handler_id');
  if (to === 'open' && from === 'open' && isSet(after.handler_id) && 'handler_id' in changed)
    return refuse('incident.transition', 'status');
  const resolving = from !== to && to === 'resolved';
  if (resolving) {
    const text = refuseText(refuse, after, 'resolution', incidentTextLimits.text, 'incident.resolution_required');
    if (text) return text;
    if (!('resolved_at' in changed)) return refuse('incident.instant', 'resolved_at');
  } else if ('resolution' in changed || 'resolved_at' in changed || 'resolved_by' in changed) {
    return refuse('incident.transition', 'resolution');
  }
  const stepped = refuseStep(refuse, after, changed, actor, 'resolved_at', 'resolved_by');
  if (stepped) return stepped;
  const reviewing = 'review' in changed || 'reviewed_at' in changed || 'reviewed_by' in changed || to === 'reviewed';
  if (reviewing) {
    if (from !== 'resolved' || to !== 'reviewed') return refuse('incident.review_before_resolved', 'review');
    const text = refuseText(refuse, after, 'review', incidentTextLimits.text, 'incident.review_required');
    if (text) return text;
    const reviewed = refuseStep(refuse, after, changed, actor, 'reviewed_at', 'reviewed_by');
    if (reviewed) return reviewed;
    if (!isSet(after.reviewed_at)) return refuse('incident.instant', 'reviewed_at');
  }
  return refuseNotices(refuse, before, after, changed, actor);
}

async function refuseIncident(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: RowState | undefined,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const refuse: Refuse = (code, field) => refusal(mutation, code, field);
  if (current === undefined) return refuseOpening(refuse, mutation);
  if (!(await isManager(trx, scope.clinicId, mutation.actorId))) return refuse('incident.manage_forbidden');
  return refuseChange(refuse, mutation, current.data);
}

/** Incidents: opened by anyone, as themself; every later step a manager's. */
export const incidentRule: TableRule = {
  table: 'incidents',
  permission: 'incidents.report',
  refuse: refuseIncident,
};
