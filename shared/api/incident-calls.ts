import { z } from 'zod';
import {
  incidentEntryKinds,
  incidentKinds,
  incidentSeverities,
  incidentSources,
  incidentStatuses,
  incidentTextLimits,
  leakNotices,
} from '../incidents/incident-words';
import { defineCall } from './define-call';

const idSchema = z.string().min(1).max(64);
const person = z.object({ id: z.string(), name: z.string() }).nullable();
const instant = z.iso.datetime({ offset: false });
const requiredText = z.string().trim().min(1).max(incidentTextLimits.text);
const optionalText = z.string().trim().max(incidentTextLimits.text).optional();

/** A leak's two 152-ФЗ clocks: when each notice is due and when it was recorded (null until then). */
export const leakClockSchema = z.object({
  notifyBy: z.string(),
  resultsBy: z.string(),
  notifiedAt: z.string().nullable(),
  resultsAt: z.string().nullable(),
});

export const incidentItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(incidentKinds),
  severity: z.enum(incidentSeverities),
  status: z.enum(incidentStatuses),
  title: z.string(),
  detectedAt: z.string(),
  source: z.enum(incidentSources),
  alertKey: z.string().nullable(),
  /** Null when the server's alert opened it. */
  openedBy: person,
  handler: person,
  /** Only for a personal-data leak. */
  leak: leakClockSchema.nullable(),
});
export type IncidentItem = z.infer<typeof incidentItemSchema>;

export const incidentEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(incidentEntryKinds),
  at: z.string(),
  /** Null for the server's own entry (an alert). */
  author: person,
  note: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type IncidentEntry = z.infer<typeof incidentEntrySchema>;

export const incidentDetailSchema = z.object({
  incident: incidentItemSchema.extend({
    description: z.string(),
    resolution: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    resolvedBy: person,
    review: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewedBy: person,
    notifiedBy: person,
    resultsBy: person,
  }),
  /** The timeline, oldest first. */
  entries: z.array(incidentEntrySchema),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

const byId = z.strictObject({ id: idSchema });

/** The clinic's incident log and the 152-ФЗ leak clocks (issue 15, §6.2): `incidents.*`. */
export const incidentCalls = {
  /** Active ones (open, handling) first by detection, or all; with the counts the queue shows. */
  'incidents.list': defineCall({
    input: z.strictObject({
      filter: z.enum(['open', 'all']).default('open'),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.object({
      items: z.array(incidentItemSchema),
      counts: z.object({ open: z.number().int(), handling: z.number().int(), leaks: z.number().int() }),
    }),
    permission: 'incidents.report',
  }),
  /** For the rail: how many are active, and how many leaks have a clock overdue. */
  'incidents.count': defineCall({
    input: z.strictObject({}),
    output: z.object({ waiting: z.number().int(), overdue: z.number().int() }),
    permission: 'incidents.report',
    passive: true,
  }),
  'incidents.get': defineCall({ input: byId, output: incidentDetailSchema, permission: 'incidents.report' }),
  /** «Сообщить об инциденте»: anyone at the clinic. A suspected leak starts the 152-ФЗ clocks. */
  'incidents.open': defineCall({
    input: z.strictObject({
      kind: z.enum(incidentKinds),
      severity: z.enum(incidentSeverities),
      title: z.string().trim().min(1).max(incidentTextLimits.title),
      description: optionalText,
      /** When it was noticed; now when not given. Never in the future. */
      detectedAt: instant.optional(),
    }),
    output: incidentDetailSchema,
    permission: 'incidents.report',
    writes: true,
  }),
  /** Become the incident's handler (an open one moves to handling). */
  'incidents.take': defineCall({
    input: byId,
    output: incidentDetailSchema,
    permission: 'incidents.manage',
    writes: true,
  }),
  /** A note on the timeline. */
  'incidents.note': defineCall({
    input: z.strictObject({ id: idSchema, note: requiredText }),
    output: incidentDetailSchema,
    permission: 'incidents.manage',
    writes: true,
  }),
  /** Resolved (with its resolution), or back to handling. */
  'incidents.setStatus': defineCall({
    input: z.strictObject({
      id: idSchema,
      status: z.enum(['handling', 'resolved']),
      resolution: optionalText,
    }),
    output: incidentDetailSchema,
    permission: 'incidents.manage',
    writes: true,
  }),
  /** Change the kind or the severity (a leak's kind stays once its clock runs). */
  'incidents.classify': defineCall({
    input: z.strictObject({ id: idSchema, kind: z.enum(incidentKinds), severity: z.enum(incidentSeverities) }),
    output: incidentDetailSchema,
    permission: 'incidents.manage',
    writes: true,
  }),
  /** A leak's notice to Роскомнадзор was sent at `at` (24-h notice or the 72-h results). */
  'incidents.recordNotice': defineCall({
    input: z.strictObject({ id: idSchema, notice: z.enum(leakNotices), at: instant }),
    output: incidentDetailSchema,
    permission: 'incidents.manage',
    writes: true,
  }),
  /** The post-incident review (causes, what was changed): only after resolution; final. */
  'incidents.review': defineCall({
    input: z.strictObject({ id: idSchema, review: requiredText }),
    output: incidentDetailSchema,
    permission: 'incidents.manage',
    writes: true,
  }),
} as const;
