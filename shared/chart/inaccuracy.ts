import { z } from 'zod';

/**
 * A patient's report of an inaccuracy in their chart (D4, seed §6.3): which entry, what is wrong,
 * their words. It waits in the clinic's reviewer queue with a deadline in working days; the
 * reviewer accepts it (an amendment of the entry, linked to the report) or declines it with a
 * reason; after a decline the patient may attach a statement of disagreement that stays with the
 * entry. Rows of the synced table `chart_reports`, written by the server for the cabinet.
 */
export const inaccuracyKinds = ['wrong_fact', 'wrong_date', 'wrong_code', 'not_mine', 'missing', 'other'] as const;
export const reportStatuses = ['open', 'accepted', 'declined'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** Working days the clinic has to answer (seed §6.3 gives the clinic a reasonable term; the clinic's rule: 10). */
export const reportDeadlineWorkingDays = 10;

export const inaccuracyReportRequestSchema = z.strictObject({
  entryId: z.uuid(),
  kind: z.enum(inaccuracyKinds),
  text: z.string().trim().min(10).max(4000),
});
export type InaccuracyReportRequest = z.infer<typeof inaccuracyReportRequestSchema>;

export const disagreementRequestSchema = z.strictObject({
  text: z.string().trim().min(10).max(4000),
});

/** Why a reviewer declines: a reason in words, kept and shown to the patient. */
export const declineReasonSchema = z.string().trim().min(10).max(2000);
