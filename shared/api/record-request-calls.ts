import { z } from 'zod';
import { patientSummarySchema } from '../domain/patient';
import { apiErrorSchema } from '../errors/app-error';
import { fileFormats, recordFormats, recordMaterialsSchema, recordRequestStatuses } from '../rights/record-requests';
import { defineCall } from './define-call';

const requestIdSchema = z.string().min(1).max(64);
const person = z.object({ id: z.string(), name: z.string() }).nullable();

/** Done requests stay in the queue this many days after they were fulfilled («recently done»). */
export const recentlyDoneDays = 14;

export const recordRequestFilterSchema = z.strictObject({
  /** Which statuses; none given: open, in work and those done in the last `recentlyDoneDays`. */
  statuses: z.array(z.enum(recordRequestStatuses)).max(recordRequestStatuses.length).default([]),
  overdueOnly: z.boolean().default(false),
  escalatedOnly: z.boolean().default(false),
  /** A part of the number (`000042`, `З-2026-000042`) or the start of the patient's surname. */
  search: z.string().trim().max(100).default(''),
});
export type RecordRequestFilter = z.output<typeof recordRequestFilterSchema>;

/**
 * Who received the paper copy: the patient, or a representative named as their document says.
 * Kept in `record_requests.paper_received_by` as the canonical JSON of this value.
 */
export const paperReceiverSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('patient') }),
  z.strictObject({ kind: z.literal('representative'), name: z.string().trim().min(1).max(200) }),
]);
export type PaperReceiver = z.infer<typeof paperReceiverSchema>;

export const recordRequestItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  patient: patientSummarySchema,
  purpose: z.string(),
  /** Null when the request's materials cannot be read: no file is made for it then. */
  materials: recordMaterialsSchema.nullable(),
  formats: z.array(z.enum(recordFormats)),
  status: z.enum(recordRequestStatuses),
  submittedAt: z.string(),
  /** The last day (ISO date) of the 5 working days. */
  dueOn: z.string(),
  /**
   * Working days from today to `dueOn` by the desk's production calendar: 0 = due today, negative
   * = overdue by so many; null where the calendar lacks the year (or the request is done).
   */
  daysLeft: z.number().int().nullable(),
  /** Not done and past `dueOn`. */
  overdue: z.boolean(),
  /** The server escalated it as overdue (when). */
  escalatedAt: z.string().nullable(),
  takenBy: person,
});
export type RecordRequestItem = z.infer<typeof recordRequestItemSchema>;

export const recordRequestFileSchema = z.object({
  id: z.string(),
  format: z.enum(fileFormats),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** 1 when entries were withheld as restricted (the file says so and why), else 0. */
  withheld: z.number().int(),
  createdAt: z.string(),
});
export type RecordRequestFile = z.infer<typeof recordRequestFileSchema>;

/** Making one file: progress while the export runs, the file's row when done. */
export const recordFileJobSchema = z.object({
  jobId: z.uuid(),
  requestId: z.string(),
  format: z.enum(fileFormats),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Entries exported so far of `total` (0 of 0 until the export has counted them). */
  done: z.number().int(),
  total: z.number().int(),
  fileId: z.string().nullable(),
  error: apiErrorSchema.nullable(),
});
export type RecordFileJob = z.infer<typeof recordFileJobSchema>;

export const recordRequestDetailSchema = z.object({
  request: recordRequestItemSchema.extend({
    takenAt: z.string().nullable(),
    paperHandedAt: z.string().nullable(),
    paperHandedBy: person,
    paperReceivedBy: paperReceiverSchema.nullable(),
    fulfilledAt: z.string().nullable(),
    fulfilledBy: person,
    availableUntil: z.string().nullable(),
  }),
  files: z.array(recordRequestFileSchema),
  /** What is still owed: asked formats without a file, and the paper copy not yet handed over. */
  missing: z.array(z.enum(recordFormats)),
  /** This person's files of the request still being made (the panel shows their progress again when reopened). */
  jobs: z.array(recordFileJobSchema),
});
export type RecordRequestDetail = z.infer<typeof recordRequestDetailSchema>;

const byId = z.strictObject({ id: requestIdSchema });
const byJob = z.strictObject({ jobId: z.uuid() });

/** Patients' record requests at the desk (issue 14, F3): the queue, fulfilment, paper (`recordRequests.*`). */
export const recordRequestCalls = {
  /** The queue: overdue first, then by due date; every read audited with the patients shown. */
  'recordRequests.queue': defineCall({
    input: z.strictObject({
      filter: recordRequestFilterSchema.default(recordRequestFilterSchema.parse({})),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.object({
      items: z.array(recordRequestItemSchema),
      counts: z.object({ open: z.number().int(), inWork: z.number().int(), overdue: z.number().int() }),
    }),
    permission: 'records.release',
  }),
  /** How many wait (open or in work) and how many of them are overdue: numbers for the rail. */
  'recordRequests.count': defineCall({
    input: z.strictObject({}),
    output: z.object({ waiting: z.number().int(), overdue: z.number().int() }),
    permission: 'records.release',
    passive: true,
  }),
  /** One request with its files; audited. */
  'recordRequests.get': defineCall({
    input: byId,
    output: recordRequestDetailSchema,
    permission: 'records.release',
  }),
  /** Take an open request into work. */
  'recordRequests.take': defineCall({
    input: byId,
    output: recordRequestDetailSchema,
    permission: 'records.release',
    writes: true,
  }),
  /** Start making the file of one asked format (an export job); poll `fileJob`, stop with `cancelFile`. */
  'recordRequests.makeFile': defineCall({
    input: z.strictObject({ id: requestIdSchema, format: z.enum(fileFormats) }),
    output: z.object({ jobId: z.uuid() }),
    permission: 'records.release',
  }),
  'recordRequests.fileJob': defineCall({
    input: byJob,
    output: recordFileJobSchema,
    permission: 'records.release',
    passive: true,
  }),
  'recordRequests.cancelFile': defineCall({
    input: byJob,
    output: recordFileJobSchema,
    permission: 'records.release',
  }),
  /** The paper copy was handed over, to the patient or a named representative. */
  'recordRequests.handPaper': defineCall({
    input: z.strictObject({ id: requestIdSchema, receivedBy: paperReceiverSchema }),
    output: recordRequestDetailSchema,
    permission: 'records.release',
    writes: true,
  }),
  /** Done: only when every asked format has its file and the paper (if asked) was handed over. */
  'recordRequests.finish': defineCall({
    input: byId,
    output: recordRequestDetailSchema,
    permission: 'records.release',
    writes: true,
  }),
} as const;
