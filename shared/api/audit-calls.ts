import { z } from 'zod';
import { defineCall } from './define-call';

/** Which events the auditor looks at: everything, the alerts raised to them, or sign-in attempts. */
export const auditViews = ['all', 'alerts', 'sign-in'] as const;

export const auditEventSchema = z.object({
  /** Where the next page starts: the clinic's position on the server, or the desk's seq offline. */
  cursor: z.number().int(),
  /** The event's number in its own desk's chain. */
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  deviceName: z.string(),
  patientId: z.string().nullable(),
  /** The event's details as recorded (no secrets are ever written there). */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

/** This desk's chain against the server's copy (electron/services/audit/chain-anchor-check.ts). */
export const anchorCheckSchema = z.discriminatedUnion('status', [
  z.object({ status: z.enum(['anchored', 'tail_cut']), serverSeq: z.number().int(), localSeq: z.number().int() }),
  z.object({
    status: z.literal('rewritten'),
    serverSeq: z.number().int(),
    localSeq: z.number().int(),
    firstDifferent: z.number().int(),
  }),
  z.object({ status: z.enum(['not_anchored', 'not_enrolled', 'unreachable']), localSeq: z.number().int() }),
]);

export const auditVerdictSchema = z.object({
  /** The local chain links and hashes, its triggers are in place, and the server's copy agrees. */
  ok: z.boolean(),
  events: z.number().int(),
  broken: z.object({ seq: z.number().int(), id: z.string(), reason: z.enum(['hash', 'link', 'sequence']) }).nullable(),
  /** The append-only triggers are in place (dropping them is how an insider edits the log). */
  triggers: z.boolean(),
  anchor: anchorCheckSchema,
});
export type AuditVerdictView = z.infer<typeof auditVerdictSchema>;

/** One card of a merge as the auditor reviews it: who it is now (null when this desk does not hold it). */
const mergedCardSchema = z
  .object({
    id: z.string(),
    surname: z.string(),
    name: z.string(),
    patronymic: z.string().nullable(),
    birthDate: z.string(),
    snils: z.string().nullable(),
    mergedInto: z.string().nullable(),
  })
  .nullable();

/** A merge of two cards (B2: `patients.merged`), with both cards, for the auditor's review. */
export const mergeReviewSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  deviceName: z.string(),
  reason: z.string(),
  /** Identifiers the surviving card took from the merged one, and scans moved. */
  identifiers: z.array(z.enum(['snils', 'enp', 'inn'])),
  scans: z.number().int(),
  survivor: mergedCardSchema,
  merged: mergedCardSchema,
});
export type MergeReviewView = z.infer<typeof mergeReviewSchema>;

/** The auditor's filters: patient, person, desk, action and time (empty fields are dropped). */
export const auditFilterSchema = z.object({
  patientId: z.string().trim().min(1).max(64).optional(),
  /** A staff id, or part of a person's name. */
  actor: z.string().trim().min(1).max(100).optional(),
  /** A desk's id, or part of its name. */
  device: z.string().trim().min(1).max(100).optional(),
  /** An action, or its beginning (`patients.`). */
  action: z.string().trim().min(1).max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The auditor's view of the hash-chained log (F1, A3). */
export const auditCalls = {
  'audit.events': defineCall({
    input: z.strictObject({
      view: z.enum(auditViews).default('all'),
      ...auditFilterSchema.shape,
      /** Older than this event (the `cursor` of the last one shown), for the next page. */
      before: z.number().int().min(1).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({
      items: z.array(auditEventSchema),
      more: z.boolean(),
      /** `clinic`: every desk's events, from the server; `desk`: this desk's own (offline or not enrolled). */
      source: z.enum(['clinic', 'desk']),
      /** Why only this desk's events are shown. */
      note: z.enum(['audit.server.unreachable', 'audit.server.not_enrolled']).nullable(),
    }),
    permission: 'audit.read',
  }),
  /** Merges of duplicate cards with both cards side by side (B2: "can be reviewed by an auditor"). */
  'audit.merges': defineCall({
    input: z.strictObject({
      before: z.number().int().min(1).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ items: z.array(mergeReviewSchema), more: z.boolean() }),
    permission: 'audit.read',
  }),
  'audit.verify': defineCall({
    input: z.strictObject({}),
    output: auditVerdictSchema,
    permission: 'audit.read',
  }),
} as const;
