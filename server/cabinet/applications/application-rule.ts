import type { Knex } from 'knex';
import {
  deskApprovalProblem,
  activationChannels,
  appealOutcomes,
  applicationNumberPattern,
  applicationStatuses,
  denyReasons,
  deskApplicationSource,
  type ActivationChannel,
  type ApplicationEventKind,
  type ApplicationStatus,
} from '../../../shared/domain/application';
import { applicationDueAt } from '../../../shared/domain/application-deadline';
import type { ErrorCode } from '../../../shared/errors/catalog';
import type { Mutation, MutationResult } from '../../../shared/sync/protocol';
import { refusal, type RowState, type RuleScope, type TableRule } from '../../sync/table-rules';
import { isUrgent } from './application-rows';
import { applicationRuntime, calendarSource } from './application-runtime';
import { followDecision } from './decision-follow-up';
import { approvalRefusal } from './approval-checks';
import { deadlineYears, serverCalendar } from './server-calendar';
import { emailTakenByAnother } from './desk-applicant-account';

/**
 * Desks' writes to applications and their journal, judged by the server (C3, C4). A desk may take
 * an application in person (channel `desk`, numbered with its own source) and move one along the
 * path — start the review, approve (only when identity, consent and policy hold here), deny with
 * a reason, record an appeal's outcome — each move with the fields that belong to it and nothing
 * else; what the server sets (deadline flags, supply time, activation) a desk never writes. The
 * journal is append-only. Each refusal names its field.
 */
type Changed = Mutation['changed'];

/** Set only by the server (or the patient through it). */
const serverFields = [
  'overdue_at',
  'escalated_at',
  'activation_sent_at',
  'activated_at',
  'supply_due',
  'supplied_at',
  'supply_note',
  'appeal_text',
  'appeal_at',
] as const;

const stamps = ['status', 'updated_at', 'updated_by', 'device_id'];

/** The moves a desk makes, and the fields each may change. */
const moves: Record<string, readonly string[]> = {
  'submitted>in_review': ['review_started_at', 'review_started_by'],
  'in_review>approved': ['decided_at', 'decided_by', 'activation_channel'],
  'in_review>denied': ['decided_at', 'decided_by', 'deny_reason', 'deny_note'],
  'denied>denied': ['appeal_outcome', 'appeal_note', 'appeal_decided_at', 'appeal_decided_by'],
  'denied>in_review': ['appeal_outcome', 'appeal_note', 'appeal_decided_at', 'appeal_decided_by'],
};

/** The push's clock: sync's context carries it beside the clinic (tests move it). */
function nowOf(scope: RuleScope): Date {
  const now = (scope as RuleScope & { now?: unknown }).now;
  return now instanceof Date ? now : new Date();
}

function isIsoInstant(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
}

const present = (value: unknown): boolean => value !== null && value !== undefined && value !== '';

function statusOf(value: unknown): ApplicationStatus | null {
  return applicationStatuses.find((status) => status === value) ?? null;
}

async function refuseNew(trx: Knex.Transaction, mutation: Mutation, scope: RuleScope): Promise<MutationResult | null> {
  const changed = mutation.changed;
  const refuse = (code: ErrorCode, field?: string) => refusal(mutation, code, field);
  if (changed.channel !== 'desk') return refuse('application.channel', 'channel');
  if (changed.status !== 'submitted') return refuse('application.transition', 'status');
  for (const field of ['patient_id', 'number', 'submitted_at', 'due_at', 'device_id'] as const) {
    if (!present(changed[field])) return refuse('application.field.required', field);
  }
  for (const field of serverFields) if (present(changed[field])) return refuse('application.field.server_only', field);
  const number = String(changed.number);
  if (!applicationNumberPattern.test(number)) return refuse('application.number.format', 'number');
  if (number.split('-')[2] !== deskApplicationSource(String(changed.device_id))) {
    return refuse('application.number.source', 'number');
  }
  const taken = await trx('records')
    .where({ table_name: 'applications', clinic_id: scope.clinicId })
    .whereRaw("data->>'number' = ?", [number])
    .first<{ id: string } | undefined>('id');
  if (taken) return refuse('application.number.taken', 'number');
  const patient = await trx('records')
    .where({ table_name: 'patients', clinic_id: scope.clinicId, id: String(changed.patient_id) })
    .first<{ id: string } | undefined>('id');
  if (!patient) return refuse('application.patient_unknown', 'patient_id');
  const submittedAt = String(changed.submitted_at);
  const runtime = applicationRuntime(trx);
  if (Number.isNaN(Date.parse(submittedAt))) return refuse('application.field.required', 'submitted_at');
  // An instant as applicationDueAt writes it (UTC ISO), so that deadlines compare as text (the sweeper's index).
  if (!isIsoInstant(changed.due_at)) return refuse('application.field.required', 'due_at');
  if (runtime) {
    const calendar = await serverCalendar(
      calendarSource(trx, runtime),
      scope.clinicId,
      deadlineYears(new Date(submittedAt)),
    );
    const latest = applicationDueAt(submittedAt, isUrgent(changed.urgent), runtime.deadlines, calendar);
    if (!(Date.parse(String(changed.due_at)) <= Date.parse(latest))) return refuse('application.due_at.late', 'due_at');
  }
  return null;
}

async function refuseMove(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: RowState,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const refuse = (code: ErrorCode, field?: string) => refusal(mutation, code, field);
  const before = current.data;
  const changed: Changed = mutation.changed;
  const after = { ...before, ...changed };
  const from = statusOf(before.status);
  const to = statusOf(after.status);
  const move = moves[`${from}>${to}`];
  if (!move) return refuse('application.transition', 'status');
  for (const [field, value] of Object.entries(changed)) {
    if (stamps.includes(field) || move.includes(field) || (before[field] ?? null) === value) continue;
    return refuse('application.field.server_only', field);
  }
  // The row as the move leaves it: a desk sends only the fields whose value it changed, so the
  // clerk who denied and now approves after a supply leaves `decided_by` as it was — still theirs.
  const actorMustBe = (field: string): MutationResult | null => {
    if (!present(after[field])) return refuse('application.field.required', field);
    return after[field] === mutation.actorId ? null : refuse('application.actor_mismatch', field);
  };
  if (from === 'submitted') return actorMustBe('review_started_by');
  if (from === 'in_review' && to === 'approved') {
    const byActor = actorMustBe('decided_by');
    if (byActor) return byActor;
    if (!activationChannels.includes(changed.activation_channel as ActivationChannel)) {
      return refuse('application.activation_channel.required', 'activation_channel');
    }
    if (!present(before.account_id)) {
      const problem = deskApprovalProblem(
        {
          accountId: null,
          contactEmail: present(before.contact_email) ? String(before.contact_email) : null,
          contactPhone: present(before.contact_phone) ? String(before.contact_phone) : null,
        },
        changed.activation_channel as ActivationChannel,
      );
      if (problem)
        return refuse(problem, problem === 'application.desk.channel' ? 'activation_channel' : 'contact_email');
      if (await emailTakenByAnother(trx, scope.clinicId, before.contact_email, before.patient_id))
        return refuse('application.desk.email_taken', 'contact_email');
    }
    const failed = await approvalRefusal(trx, String(before.patient_id), scope.clinicId, nowOf(scope));
    return failed ? refuse(failed, 'status') : null;
  }
  if (from === 'in_review' && to === 'denied') {
    const byActor = actorMustBe('decided_by');
    if (byActor) return byActor;
    return denyReasons.some((reason) => reason === changed.deny_reason)
      ? null
      : refuse('application.deny_reason.required', 'deny_reason');
  }
  // An appeal's outcome: on a denial that was appealed and not yet decided.
  if (!present(before.appeal_text)) return refuse('application.appeal.none', 'appeal_outcome');
  if (present(before.appeal_outcome)) return refuse('application.transition', 'appeal_outcome');
  const outcome = appealOutcomes.find((known) => known === changed.appeal_outcome);
  if (!outcome) return refuse('application.field.required', 'appeal_outcome');
  if ((to === 'in_review') !== (outcome === 'overturned')) return refuse('application.transition', 'status');
  return actorMustBe('appeal_decided_by');
}

/** The journal's kinds a desk writes; the others are the server's or the patient's. */
const deskEventKinds: readonly ApplicationEventKind[] = [
  'received',
  'number_sent',
  'review_started',
  'check_finished',
  'approved',
  'denied',
  'appeal_decided',
  'activation_sent',
];

async function refuseEvent(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: RowState | undefined,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const refuse = (code: ErrorCode, field?: string) => refusal(mutation, code, field);
  if (current !== undefined) return refuse('application.event.immutable');
  const changed = mutation.changed;
  if (!deskEventKinds.includes(changed.kind as ApplicationEventKind)) return refuse('application.event.kind', 'kind');
  if (changed.actor_kind !== 'staff') return refuse('application.actor_mismatch', 'actor_kind');
  if (changed.actor_id !== mutation.actorId) return refuse('application.actor_mismatch', 'actor_id');
  const application = await trx('records')
    .where({ table_name: 'applications', clinic_id: scope.clinicId, id: String(changed.application_id ?? '') })
    .first<{ id: string } | undefined>('id');
  return application ? null : refuse('application.not_found', 'application_id');
}

export const applicationRules: readonly TableRule[] = [
  {
    table: 'applications',
    refuse: (trx, mutation, current, scope) =>
      current === undefined ? refuseNew(trx, mutation, scope) : refuseMove(trx, mutation, current, scope),
    afterApply: (log, mutation, before, at) => followDecision(log, mutation, before, at),
  },
  { table: 'application_events', refuse: refuseEvent },
];
