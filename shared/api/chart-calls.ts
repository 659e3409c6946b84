import { z } from 'zod';
import {
  chartCursorSchema,
  chartEntrySchema,
  chartFilterSchema,
  chartOverrideSchema,
  chartReportSchema,
  chartRevisionSchema,
  chartShareSchema,
  chartSummarySchema,
  shareConsentSchema,
} from '../chart/chart-views';
import { chartDraftSchema, prescriptionBodySchema } from '../chart/drafts';
import { declineReasonSchema, reportStatuses } from '../chart/inaccuracy';
import { prescriptionProblemCodes } from '../chart/prescription-check';
import { shareConsentDraftSchema } from '../chart/sharing';
import { patientIdSchema } from '../domain/patient';
import { defineCall } from './define-call';
import { scanCalls } from './scan-calls';

const entryIdSchema = z.string().min(1).max(64);
/** Why an entry is amended or removed: kept with the previous version. */
const changeReasonSchema = z.string().trim().min(5).max(1000);

export const prescriptionProblemSchema = z.object({
  code: z.enum(prescriptionProblemCodes),
  severity: z.enum(['error', 'warning']),
  field: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  entryId: z.string().nullable(),
});

const entryDetailSchema = z.object({
  entry: chartEntrySchema,
  /** Previous versions, newest first. */
  revisions: z.array(chartRevisionSchema),
  /** An encounter's own entries (diagnoses, procedures, prescriptions, results), newest first. */
  children: z.array(chartSummarySchema),
  /** Patients' inaccuracy reports about this entry, with their outcome and any disagreement. */
  reports: z.array(chartReportSchema),
});
export type ChartEntryDetail = z.infer<typeof entryDetailSchema>;

/** The doctor's chart (issue 12, D1–D6): clinical sections are `chart.*`, never a clerk's. */
export const chartCalls = {
  /** A page of the history, newest first, summary rows only (covering index); the read is audited. */
  'chart.history': defineCall({
    input: z.strictObject({
      patientId: patientIdSchema,
      filter: chartFilterSchema.default(chartFilterSchema.parse({})),
      after: chartCursorSchema.nullable().default(null),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.object({
      items: z.array(chartSummarySchema),
      next: chartCursorSchema.nullable(),
      /** On the first page only: how many entries match. */
      total: z.number().int().nullable(),
    }),
    permission: 'chart.read',
  }),
  /** One entry in full with its previous versions, its encounter's entries and reports; audited. */
  'chart.entry': defineCall({
    input: z.strictObject({ id: entryIdSchema }),
    output: entryDetailSchema,
    permission: 'chart.read',
  }),
  /**
   * Has the entry changed since it was opened (another desk, through sync's live channel)? Polled
   * by the open entry's screen: a primary-key read, not audited (no patient data in the answer).
   */
  'chart.watch': defineCall({
    input: z.strictObject({ id: entryIdSchema }),
    output: z.object({
      revision: z.number().int(),
      updatedAt: z.string(),
      updatedBy: z.string().nullable(),
      deleted: z.boolean(),
    }),
    permission: 'chart.read',
    passive: true,
  }),
  /**
   * A new entry: codes checked against the active НСИ versions, a prescription checked
   * (shared/chart/prescription-check.ts): errors refuse it, each warning needs an override with a
   * reason (`chart.alert.override_required` names the ones missing). An entry other than an
   * encounter may belong to one (`encounterId`).
   */
  'chart.record': defineCall({
    input: z.strictObject({
      patientId: patientIdSchema,
      encounterId: entryIdSchema.nullable().default(null),
      draft: chartDraftSchema,
      overrides: z.array(chartOverrideSchema).max(10).default([]),
    }),
    output: entryDetailSchema,
    permission: 'chart.write',
    writes: true,
  }),
  /**
   * An amendment (D4): the previous version kept with who, when and why. `baseRevision` is the
   * revision the doctor opened: if the entry has moved on since, nothing is written and
   * `chart.entry.changed` says so (the screen then shows both versions).
   */
  'chart.amend': defineCall({
    input: z.strictObject({
      id: entryIdSchema,
      baseRevision: z.number().int().min(1),
      draft: chartDraftSchema,
      reason: changeReasonSchema,
      overrides: z.array(chartOverrideSchema).max(10).default([]),
    }),
    output: entryDetailSchema,
    permission: 'chart.write',
    writes: true,
  }),
  /** A tombstone with its reason: the entry stays readable, marked removed. */
  'chart.remove': defineCall({
    input: z.strictObject({ id: entryIdSchema, baseRevision: z.number().int().min(1), reason: changeReasonSchema }),
    output: entryDetailSchema,
    permission: 'chart.write',
    writes: true,
  }),
  /** The check as the doctor types (D5): problems only, nothing written, not audited. */
  'chart.checkPrescription': defineCall({
    input: z.strictObject({
      patientId: patientIdSchema,
      draft: prescriptionBodySchema,
      /** The prescription being amended (not its own duplicate). */
      selfId: entryIdSchema.nullable().default(null),
    }),
    output: z.object({ problems: z.array(prescriptionProblemSchema) }),
    permission: 'chart.write',
  }),
  /** The doctors the history's filter offers (people who wrote in charts, and every active doctor). */
  'chart.doctors': defineCall({
    input: z.strictObject({}),
    output: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }),
    permission: 'chart.read',
  }),
  /** The reviewer queue of patients' inaccuracy reports, nearest deadline first. */
  'chart.reports.queue': defineCall({
    input: z.strictObject({
      status: z.enum(reportStatuses).default('open'),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({
      items: z.array(chartReportSchema.extend({ patientName: z.string().nullable(), entrySummary: z.string() })),
      open: z.number().int(),
      overdue: z.number().int(),
    }),
    permission: 'chart.write',
  }),
  /** How many reports wait for a decision and how many are overdue (the rail's counter): numbers only, polled. */
  'chart.reports.count': defineCall({
    input: z.strictObject({}),
    output: z.object({ open: z.number().int(), overdue: z.number().int() }),
    permission: 'chart.write',
    passive: true,
  }),
  /**
   * Accept: the entry is amended (the report linked to the amendment), the report closed. `id` is
   * the report's; `overrides` as in `chart.amend` (a corrected prescription is checked again).
   */
  'chart.reports.accept': defineCall({
    input: z.strictObject({
      id: entryIdSchema,
      baseRevision: z.number().int().min(1),
      draft: chartDraftSchema,
      reason: changeReasonSchema,
      overrides: z.array(chartOverrideSchema).max(10).default([]),
    }),
    output: z.object({ report: chartReportSchema }),
    permission: 'chart.write',
    writes: true,
  }),
  /** Decline with a reason the patient reads. */
  'chart.reports.decline': defineCall({
    input: z.strictObject({ id: entryIdSchema, reason: declineReasonSchema }),
    output: z.object({ report: chartReportSchema }),
    permission: 'chart.write',
    writes: true,
  }),
  /** A chunk of a chart's document on its way in: `scans.upload` for a doctor. */
  'chart.scans.upload': defineCall({
    input: scanCalls['scans.upload'].input,
    output: scanCalls['scans.upload'].output,
    permission: 'chart.write',
  }),
  /** The uploaded file checked and kept as a chart's document (`chart_document`): `scans.accept` for a doctor. */
  'chart.scans.accept': defineCall({
    input: scanCalls['scans.accept'].input.omit({ purpose: true }),
    output: scanCalls['scans.accept'].output,
    permission: 'chart.write',
    writes: true,
  }),
  /** The patient's consents to share (D6), in force and revoked. */
  'chart.shares.list': defineCall({
    input: z.strictObject({ patientId: patientIdSchema }),
    output: z.object({ consents: z.array(shareConsentSchema), shares: z.array(chartShareSchema) }),
    permission: 'chart.read',
  }),
  /** A consent the patient gives at the desk (in person) for one recipient and scope. */
  'chart.shares.giveConsent': defineCall({
    input: z.strictObject({ patientId: patientIdSchema, consent: shareConsentDraftSchema }),
    output: shareConsentSchema,
    permission: 'chart.write',
    writes: true,
  }),
  'chart.shares.revokeConsent': defineCall({
    input: z.strictObject({ id: entryIdSchema, reason: z.string().trim().min(3).max(500) }),
    output: shareConsentSchema,
    permission: 'chart.write',
    writes: true,
  }),
  /** Send entries (within the consent's scope) to its recipient; refused without a consent in force. */
  'chart.shares.send': defineCall({
    input: z.strictObject({ consentId: entryIdSchema, entryIds: z.array(entryIdSchema).min(1).max(500) }),
    output: chartShareSchema,
    permission: 'chart.write',
    writes: true,
  }),
} as const;
