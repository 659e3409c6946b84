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
  'audit.verify': defineCall({
    input: z.strictObject({}),
    output: auditVerdictSchema,
    permission: 'audit.read',
  }),
} as const;
