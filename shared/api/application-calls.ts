import { z } from 'zod';
import {
  activationChannels,
  appealOutcomes,
  applicationChannels,
  applicationChecks,
  applicationEventKinds,
  applicationNumberSchema,
  applicationStatuses,
  denyReasons,
  eventActorKinds,
} from '../domain/application';
import { patientIdSchema, patientSummarySchema } from '../domain/patient';
import { defineCall } from './define-call';

const applicationIdSchema = z.string().min(1).max(64);
const noteSchema = z.string().trim().max(1000).default('');

/** The queue's order is (due_at, id): a page continues after the last row it showed. */
export const queueCursorSchema = z.strictObject({ dueAt: z.string(), id: z.string() });
export type QueueCursor = z.infer<typeof queueCursorSchema>;

/** The open statuses: the queue shows them unless a filter says otherwise. */
export const openApplicationStatuses = ['submitted', 'in_review'] as const;

export const applicationQueueFilterSchema = z.strictObject({
  /** Which statuses; none given: the open ones (new and under review). */
  statuses: z.array(z.enum(applicationStatuses)).max(applicationStatuses.length).default([]),
  overdueOnly: z.boolean().default(false),
  urgentOnly: z.boolean().default(false),
  channel: z.enum(applicationChannels).nullable().default(null),
  /** A part of the number (`000123`, `З-26-П-000123`) or the start of the patient's surname. */
  search: z.string().trim().max(100).default(''),
});
export type ApplicationQueueFilter = z.output<typeof applicationQueueFilterSchema>;

export const applicationQueueItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  /** Null while the patient's card has not reached this desk yet. */
  patient: patientSummarySchema.nullable(),
  channel: z.enum(applicationChannels),
  urgent: z.boolean(),
  status: z.enum(applicationStatuses),
  submittedAt: z.string(),
  dueAt: z.string(),
  /** Open and past its deadline. */
  overdue: z.boolean(),
});
export type ApplicationQueueItem = z.infer<typeof applicationQueueItemSchema>;

export const applicationCountsSchema = z.object({
  byStatus: z.record(z.enum(applicationStatuses), z.number().int()),
  /** Open applications past their deadline. */
  overdue: z.number().int(),
});
export type ApplicationCounts = z.infer<typeof applicationCountsSchema>;

/** What fixes an unmet check: a screen of the desk (the patient's card tab, the verification queue). */
export const checkFixSchema = z.object({
  kind: z.enum(['verification', 'consent', 'documents']),
  route: z.string(),
});

export const applicationCheckResultSchema = z.object({
  check: z.enum(applicationChecks),
  met: z.boolean(),
  /** Why it is not met, in words for the clerk's screen (an i18n key under applications.checks). */
  reason: z.string(),
  /** The clerk marked the check done (a `check_finished` event). */
  finished: z.boolean(),
  fix: checkFixSchema,
});
export type ApplicationCheckResult = z.infer<typeof applicationCheckResultSchema>;

export const applicationEventSchema = z.object({
  id: z.string(),
  kind: z.enum(applicationEventKinds),
  at: z.string(),
  actorKind: z.enum(eventActorKinds),
  /** The staff member's name; null for the patient and the server. */
  actorName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type ApplicationEvent = z.infer<typeof applicationEventSchema>;

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const applicationSchema = z.object({
  id: z.string(),
  number: z.string(),
  patientId: z.string().nullable(),
  accountId: z.string().nullable(),
  channel: z.enum(applicationChannels),
  urgent: z.boolean(),
  status: z.enum(applicationStatuses),
  submittedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  reviewStartedAt: z.string().nullable(),
  reviewStartedBy: person,
  decidedAt: z.string().nullable(),
  decidedBy: person,
  activationChannel: z.enum(activationChannels).nullable(),
  denyReason: z.enum(denyReasons).nullable(),
  denyNote: z.string().nullable(),
  supplyDue: z.string().nullable(),
  suppliedAt: z.string().nullable(),
  appealText: z.string().nullable(),
  appealAt: z.string().nullable(),
  appealOutcome: z.enum(appealOutcomes).nullable(),
  appealNote: z.string().nullable(),
  appealDecidedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
});
export type ApplicationView = z.infer<typeof applicationSchema>;

export const applicationDetailSchema = z.object({
  application: applicationSchema,
  patient: patientSummarySchema.nullable(),
  checks: z.array(applicationCheckResultSchema),
  events: z.array(applicationEventSchema),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

const byId = z.strictObject({ id: applicationIdSchema });

/** The desk's side of applications for online access (C1–C6). */
export const applicationCalls = {
  /** A page of the queue, nearest deadline first (overdue ones lead); the read is audited. */
  'applications.queue': defineCall({
    input: z.strictObject({
      filter: applicationQueueFilterSchema.default(applicationQueueFilterSchema.parse({})),
      after: queueCursorSchema.nullable().default(null),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({
      items: z.array(applicationQueueItemSchema),
      next: queueCursorSchema.nullable(),
      /** On the first page only (`after` null): the next pages do not count again. */
      counts: applicationCountsSchema.nullable(),
    }),
    permission: 'patients.read',
  }),
  /** How many wait and how many are overdue (the rail's counter): numbers only, polled. */
  'applications.count': defineCall({
    input: z.strictObject({}),
    output: z.object({ waiting: z.number().int(), overdue: z.number().int() }),
    permission: 'patients.read',
    passive: true,
  }),
  /** One application with its patient, the C3 checks computed here, and its journal; audited. */
  'applications.get': defineCall({
    input: byId,
    output: applicationDetailSchema,
    permission: 'patients.read',
  }),
  /** A clerk opens a new application: submitted → in_review. */
  'applications.startReview': defineCall({
    input: byId,
    output: applicationDetailSchema,
    permission: 'patients.write',
    writes: true,
  }),
  /** The clerk marks one check of C3 done (only a met one): a `check_finished` event. */
  'applications.finishCheck': defineCall({
    input: z.strictObject({ id: applicationIdSchema, check: z.enum(applicationChecks) }),
    output: applicationDetailSchema,
    permission: 'patients.write',
    writes: true,
  }),
  /** Approve: every check of C3 must be met; the server then sends the activation code. */
  'applications.approve': defineCall({
    input: z.strictObject({ id: applicationIdSchema, activationChannel: z.enum(activationChannels) }),
    output: applicationDetailSchema,
    permission: 'patients.write',
    writes: true,
  }),
  /** Deny with a reason citing its clause (C4) and a note. */
  'applications.deny': defineCall({
    input: z.strictObject({ id: applicationIdSchema, reason: z.enum(denyReasons), note: noteSchema }),
    output: applicationDetailSchema,
    permission: 'patients.write',
    writes: true,
  }),
  /** The outcome of the patient's appeal of a denial. */
  'applications.appealOutcome': defineCall({
    input: z.strictObject({ id: applicationIdSchema, outcome: z.enum(appealOutcomes), note: noteSchema }),
    output: applicationDetailSchema,
    permission: 'patients.write',
    writes: true,
  }),
  /** An application taken at the desk for a patient in person (needs a consent in force). */
  'applications.takeAtDesk': defineCall({
    input: z.strictObject({ patientId: patientIdSchema, urgent: z.boolean().default(false) }),
    output: z.object({ id: z.string(), number: applicationNumberSchema, dueAt: z.string() }),
    permission: 'patients.write',
    writes: true,
  }),
  /**
   * The activation code of an application approved with `print`, from the server, to print once:
   * never stored on the desk. Needs a server and the clerk's proven session.
   */
  'applications.printedCode': defineCall({
    input: byId,
    output: z.object({ code: z.string(), expiresAt: z.string() }),
    permission: 'patients.write',
  }),
} as const;
