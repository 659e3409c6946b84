import { z } from 'zod';
import {
  chartCursorSchema,
  chartFilterSchema,
  chartReportSchema,
  chartRevisionSchema,
  chartShareSchema,
  chartSummarySchema,
  shareConsentSchema,
} from '../chart/chart-views';
import { chartDocumentTypes } from '../chart/entry-kinds';
import { restrictionReasons } from '../rights/restrictions';

/**
 * The cabinet's chart (issue 12, seed §4.1, §4.2, §4.4, §6.3): the patient reads their history
 * (read-only, the desk's filters), questions an entry, uploads lab results and sends them to a
 * doctor, and gives or revokes consents to share. Under `/api/cabinet` (shared/cabinet/cabinet-api.ts:
 * session cookie, CSRF on writes); `patient` stage only; the patient's own card only (a
 * representative's view of another card is not part of this issue). Every read of the chart is
 * audited on the server (who: the account).
 */
export const cabinetChartPaths = {
  history: '/chart', // GET ?CabinetHistoryQuery → CabinetHistoryPage
  entry: '/chart/entries/:id', // GET → CabinetEntryDetail
  doctors: '/chart/doctors', // GET → { items: [{ id, name }] }: the doctors who wrote in this chart
  reports: '/chart/reports', // GET → { items: ChartReport[] }; POST InaccuracyReportRequest → ChartReport
  disagreement: '/chart/reports/:id/disagreement', // POST { text } → ChartReport
  labs: '/chart/labs', // GET → { items: CabinetLab[] }; POST LabUploadRequest → CabinetLab
  labSend: '/chart/labs/:id/send', // POST { doctorId } → CabinetLab
  file: '/chart/files/:scanId', // GET → the file (its own content type; attachment)
  shares: '/chart/shares', // GET → { consents, shares }
  shareConsents: '/chart/shares/consents', // POST ShareConsentDraft → ShareConsent
  shareRevoke: '/chart/shares/consents/:id/revoke', // POST { reason } → ShareConsent
} as const;

/** The history's query string: the filter's fields (arrays comma-separated) and the cursor. */
export const cabinetHistoryQuerySchema = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  visitTypes: z.string().max(100).optional(),
  kinds: z.string().max(200).optional(),
  diagnosis: z.string().max(16).optional(),
  text: z.string().max(100).optional(),
  afterAt: z.string().max(40).optional(),
  afterId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CabinetHistoryQuery = z.input<typeof cabinetHistoryQuerySchema>;
export { chartFilterSchema as cabinetChartFilterSchema };

export const cabinetHistoryPageSchema = z.object({
  items: z.array(chartSummarySchema),
  next: chartCursorSchema.nullable(),
  /** The whole chart is restricted (F4, issue 14): nothing is shown, and the patient is told why. */
  withheld: z
    .object({ reason: z.enum(restrictionReasons), basis: z.string() })
    .nullable()
    .optional(),
});
export type CabinetHistoryPage = z.infer<typeof cabinetHistoryPageSchema>;

export const cabinetEntryDetailSchema = z.object({
  entry: chartSummarySchema.extend({
    body: z.record(z.string(), z.unknown()),
    amendedAt: z.string().nullable(),
    amendReason: z.string().nullable(),
    deletedReason: z.string().nullable(),
  }),
  revisions: z.array(chartRevisionSchema),
  children: z.array(chartSummarySchema),
  reports: z.array(chartReportSchema),
});
export type CabinetEntryDetail = z.infer<typeof cabinetEntryDetailSchema>;

/** A lab result the patient uploaded (first `POST /scans?purpose=chart_document`, then this). */
export const labUploadRequestSchema = z.strictObject({
  scanId: z.uuid(),
  type: z.enum(chartDocumentTypes).default('lab_report'),
  date: z.iso.date(),
  title: z.string().trim().min(1).max(500),
  comment: z.string().trim().max(2000).default(''),
});
export type LabUploadRequest = z.input<typeof labUploadRequestSchema>;

export const cabinetLabSchema = z.object({
  id: z.string(),
  scanId: z.string(),
  type: z.enum(chartDocumentTypes),
  date: z.string(),
  title: z.string(),
  comment: z.string(),
  mime: z.string(),
  bytes: z.number().int(),
  uploadedAt: z.string(),
  /** The doctor it was sent to, when sent. */
  sentTo: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type CabinetLab = z.infer<typeof cabinetLabSchema>;

export const labSendRequestSchema = z.strictObject({ doctorId: z.string().min(1).max(64) });

export const cabinetSharesSchema = z.object({
  consents: z.array(shareConsentSchema),
  shares: z.array(chartShareSchema),
});

export const cabinetReportListSchema = z.object({ items: z.array(chartReportSchema) });
export const cabinetDoctorsSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export const revokeShareRequestSchema = z.strictObject({ reason: z.string().trim().min(3).max(500) });
