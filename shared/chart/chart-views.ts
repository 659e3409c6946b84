import { z } from 'zod';
import { chartEntryKinds, chartEntrySources, visitTypes } from './entry-kinds';
import { inaccuracyKinds, reportStatuses } from './inaccuracy';
import { prescriptionProblemCodes } from './prescription-check';
import { recipientSchema, shareConsentChannels, shareScopes } from './sharing';

/** What the desk and the cabinet show of the chart. Both ends validate with these schemas. */

const person = z.object({ id: z.string(), name: z.string() });

/** One row of the history's timeline: read from the covering index, no body. */
export const chartSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(chartEntryKinds),
  /** The instant or day the entry is about (the visit, the diagnosis's day, the start, the sample). */
  occurredAt: z.string(),
  /** The encounter's type of visit (copied onto the entries recorded in it). */
  visitType: z.enum(visitTypes).nullable(),
  doctor: person.nullable(),
  /** МКБ-10 for a diagnosis (an encounter's main one), the service, the medicine (СМНН), the test. */
  code: z.string().nullable(),
  /** One line in words: "J06.9 Острая инфекция верхних дыхательных путей неуточненная". */
  summary: z.string(),
  status: z.string().nullable(),
  encounterId: z.string().nullable(),
  revision: z.number().int(),
  amended: z.boolean(),
  deleted: z.boolean(),
  source: z.enum(chartEntrySources),
});
export type ChartSummary = z.infer<typeof chartSummarySchema>;

export const chartOverrideSchema = z.strictObject({
  code: z.enum(prescriptionProblemCodes),
  reason: z.string().trim().min(5).max(500),
});
export type ChartOverride = z.infer<typeof chartOverrideSchema>;

/** One entry in full, with who made and changed it. `body` is the kind's (shared/chart/drafts.ts). */
export const chartEntrySchema = chartSummarySchema.extend({
  patientId: z.string(),
  body: z.record(z.string(), z.unknown()),
  overrides: z.array(chartOverrideSchema.extend({ at: z.string(), by: z.string() })),
  createdAt: z.string(),
  createdBy: person.nullable(),
  amendedAt: z.string().nullable(),
  amendedBy: person.nullable(),
  amendReason: z.string().nullable(),
  deletedAt: z.string().nullable(),
  deletedBy: person.nullable(),
  deletedReason: z.string().nullable(),
  /** The inaccuracy report the last amendment answered. */
  reportId: z.string().nullable(),
});
export type ChartEntryView = z.infer<typeof chartEntrySchema>;

/** A previous version, readable beside the current one (D4). */
export const chartRevisionSchema = z.object({
  revision: z.number().int(),
  occurredAt: z.string(),
  code: z.string().nullable(),
  summary: z.string(),
  status: z.string().nullable(),
  body: z.record(z.string(), z.unknown()),
  /** When this version was replaced, by whom and why. */
  replacedAt: z.string(),
  replacedBy: person.nullable(),
  reason: z.string(),
  reportId: z.string().nullable(),
});
export type ChartRevision = z.infer<typeof chartRevisionSchema>;

export const chartReportSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  patientId: z.string(),
  kind: z.enum(inaccuracyKinds),
  text: z.string(),
  submittedAt: z.string(),
  /** The last working day for the clinic's answer. */
  dueOn: z.string(),
  overdue: z.boolean(),
  status: z.enum(reportStatuses),
  decidedAt: z.string().nullable(),
  decidedBy: person.nullable(),
  declineReason: z.string().nullable(),
  /** The entry's revision the acceptance made. */
  amendmentRevision: z.number().int().nullable(),
  disagreement: z.string().nullable(),
  disagreementAt: z.string().nullable(),
});
export type ChartReport = z.infer<typeof chartReportSchema>;

export const shareConsentSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  recipient: recipientSchema,
  scope: z.enum(shareScopes),
  entryIds: z.array(z.string()),
  validUntil: z.string().nullable(),
  givenAt: z.string(),
  givenVia: z.enum(shareConsentChannels),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
});
export type ShareConsent = z.infer<typeof shareConsentSchema>;

export const chartShareSchema = z.object({
  id: z.string(),
  consentId: z.string(),
  recipient: recipientSchema,
  entryIds: z.array(z.string()),
  sharedAt: z.string(),
  sharedBy: person.nullable(),
});
export type ChartShare = z.infer<typeof chartShareSchema>;

/** The history's filters (D1), the same at the desk and in the cabinet. */
export const chartFilterSchema = z.strictObject({
  from: z.iso.date().nullable().default(null),
  to: z.iso.date().nullable().default(null),
  visitTypes: z.array(z.enum(visitTypes)).max(visitTypes.length).default([]),
  kinds: z.array(z.enum(chartEntryKinds)).max(chartEntryKinds.length).default([]),
  doctorIds: z.array(z.string().max(64)).max(50).default([]),
  /** An МКБ-10 code prefix (`J06`, `I10`): diagnoses with it and encounters whose main diagnosis has it. */
  diagnosis: z.string().trim().max(16).default(''),
  /** A code prefix or words of the summary (ё = е, any order). */
  text: z.string().trim().max(100).default(''),
  includeDeleted: z.boolean().default(false),
});
export type ChartFilter = z.output<typeof chartFilterSchema>;

/** Newest first: a page continues after the last (occurredAt, id) it showed. */
export const chartCursorSchema = z.strictObject({ occurredAt: z.string().max(40), id: z.string().max(64) });
export type ChartCursor = z.infer<typeof chartCursorSchema>;
