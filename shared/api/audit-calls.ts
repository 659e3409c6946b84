import { z } from 'zod';
import { defineCall } from './define-call';

/** Which events the auditor looks at: everything, the alerts raised to them, or sign-in attempts. */
export const auditViews = ['all', 'alerts', 'sign-in'] as const;

export const auditEventSchema = z.object({
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

export const auditVerdictSchema = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  broken: z.object({ seq: z.number().int(), id: z.string(), reason: z.enum(['hash', 'link', 'sequence']) }).nullable(),
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

/** The auditor's view of the hash-chained log (F1, A3). */
export const auditCalls = {
  'audit.events': defineCall({
    input: z.strictObject({
      view: z.enum(auditViews).default('all'),
      /** Older than this event (the `seq` of the last one shown), for the next page. */
      before: z.number().int().min(1).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ items: z.array(auditEventSchema), more: z.boolean() }),
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
