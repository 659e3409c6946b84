import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date';
import { denyReasons } from '../domain/application';
import { fail } from '../domain/field-rules';
import { defineCall } from './define-call';

/** A report covers whole days of the desk's time zone: at most about two years. */
export const maxReportDays = 750;

/** The default period: the last 12 ISO weeks, this one included. */
export const defaultReportWeeks = 12;

const reportDay = z.string().superRefine((value, ctx) => {
  if (!isCalendarDate(value)) fail(ctx, 'report.period.date');
});

/** The period: `from` and `to` are ISO days, both included; left out, the last 12 weeks. */
export const reportPeriodSchema = z.strictObject({ from: reportDay.optional(), to: reportDay.optional() });

/** Median and 90th percentile of a set of durations, in hours; null where the set is empty. */
const durationStats = z.object({
  count: z.number().int(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});
export type DurationStats = z.infer<typeof durationStats>;

/**
 * Where an application waits (C6): in the queue, under review, on the patient after a denial,
 * on the patient's activation.
 */
export const reportStages = ['queue', 'review', 'supply', 'activation'] as const;
export type ReportStage = (typeof reportStages)[number];

/** A decision as the report counts it: an approval, or a denial by its reason. */
export const reportDecisions = ['approved', ...denyReasons] as const;
export type ReportDecision = (typeof reportDecisions)[number];

export const applicationsReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /**
   * Each ISO week the period touches, oldest first: the processing time (submitted → first
   * decision) of the applications first decided in it, and its overdue marks.
   */
  weeks: z.array(
    durationStats.extend({
      /** `2026-W48`. */
      week: z.string(),
      /** The week's Monday, an ISO day. */
      start: z.string(),
      overdue: z.number().int(),
    }),
  ),
  /** Time spent in each stage, by the stages that ended in the period. */
  stages: z.array(durationStats.extend({ stage: z.enum(reportStages) })),
  /** Decisions made in the period, by reason. */
  decisions: z.array(z.object({ decision: z.enum(reportDecisions), count: z.number().int() })),
  totals: z.object({
    submitted: z.number().int(),
    decided: z.number().int(),
    activated: z.number().int(),
    overdue: z.number().int(),
    processing: durationStats,
  }),
});
export type ApplicationsReport = z.infer<typeof applicationsReportSchema>;

/**
 * The applications report (C6) for the registry: counts and durations only, no patient's data.
 * `patients.read` is the narrowest permission a registry's head (a clerk) holds; the auditors'
 * `audit.read` is not theirs.
 */
export const reportCalls = {
  'reports.applications': defineCall({
    input: reportPeriodSchema,
    output: applicationsReportSchema,
    permission: 'patients.read',
  }),
  /** The same report as a CSV file for Excel: UTF-8 with a BOM, `;`-separated, a header row per table. */
  'reports.applicationsCsv': defineCall({
    input: reportPeriodSchema,
    output: z.object({ fileName: z.string(), text: z.string() }),
    permission: 'patients.read',
  }),
} as const;
