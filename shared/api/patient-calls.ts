import { z } from 'zod';
import { patientDraftSchema, patientIdSchema, patientSchema, patientSummarySchema } from '../domain/patient';
import { defineCall } from './define-call';

/** Who opened a card, when and from which desk (F1: the patient's own access log). */
export const accessLogEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  deviceName: z.string(),
});

/** The patient card: enrolment, search and reading it (B1, B4). Duplicates and merges: duplicate-calls.ts. */
export const patientCalls = {
  'patients.create': defineCall({
    input: patientDraftSchema,
    output: patientSchema,
    permission: 'patients.write',
    writes: true,
  }),
  'patients.search': defineCall({
    input: z.strictObject({
      query: z.string().max(200),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.object({ items: z.array(patientSummarySchema), more: z.boolean() }),
    permission: 'patients.read',
  }),
  'patients.get': defineCall({
    input: z.strictObject({ id: patientIdSchema }),
    output: patientSchema,
    permission: 'patients.read',
  }),
  'patients.accessLog': defineCall({
    input: z.strictObject({ id: patientIdSchema, limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ items: z.array(accessLogEntrySchema) }),
    permission: 'patients.read',
  }),
} as const;
