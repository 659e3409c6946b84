import { z } from 'zod';
import { healthReportSchema } from '../health/report';
import { healthMetrics, healthThresholdsSchema } from '../health/thresholds';
import { defineCall } from './define-call';

const levelSchema = z.enum(['ok', 'amber', 'red']);

export const healthVerdictSchema = z.object({
  level: levelSchema,
  reasons: z.array(
    z.object({
      metric: z.enum(healthMetrics as [(typeof healthMetrics)[number], ...(typeof healthMetrics)[number][]]),
      level: z.enum(['amber', 'red']),
      value: z.number().nullable(),
      limit: z.number(),
    }),
  ),
});

export const deskHealthViewSchema = z.object({
  deviceId: z.uuid().nullable(),
  deviceName: z.string().nullable(),
  self: z.boolean(),
  receivedAt: z.string().nullable(),
  report: healthReportSchema,
  verdict: healthVerdictSchema,
});
export type DeskHealthView = z.infer<typeof deskHealthViewSchema>;

/** Calls: the desks' health, its thresholds and alerts (issue 15, G5). */
export const healthCalls = {
  /** Every desk of the clinic, the one needing attention first; offline, this desk alone. */
  'health.desks': defineCall({
    input: z.strictObject({}),
    output: z.object({
      source: z.enum(['clinic', 'desk']),
      note: z.enum(['health.server_unreachable', 'health.not_enrolled']).nullable(),
      desks: z.array(deskHealthViewSchema),
    }),
    permission: 'ops.manage',
  }),
  /** The rail's counter: desks needing attention, the red ones among them. */
  'health.count': defineCall({
    input: z.strictObject({}),
    output: z.object({ waiting: z.number().int(), overdue: z.number().int() }),
    permission: 'ops.manage',
    passive: true,
  }),
  'health.thresholds.get': defineCall({
    input: z.strictObject({}),
    output: z.object({ thresholds: healthThresholdsSchema, isDefault: z.boolean() }),
    permission: 'ops.manage',
  }),
  'health.thresholds.set': defineCall({
    input: healthThresholdsSchema,
    output: z.object({ saved: z.literal(true) }),
    permission: 'ops.manage',
    writes: true,
  }),
} as const;
