import { z } from 'zod';
import { cabinetPaths, uploadedScanSchema } from '../../shared/cabinet/cabinet-api';
import {
  cabinetChartPaths,
  cabinetDoctorsSchema,
  cabinetEntryDetailSchema,
  cabinetHistoryPageSchema,
  cabinetLabSchema,
  cabinetReportListSchema,
  cabinetSharesSchema,
  type LabUploadRequest,
} from '../../shared/cabinet/chart-api';
import {
  chartReportSchema,
  shareConsentSchema,
  type ChartCursor,
  type ChartFilter,
} from '../../shared/chart/chart-views';
import type { InaccuracyReportRequest } from '../../shared/chart/inaccuracy';
import type { ShareConsentDraft } from '../../shared/chart/sharing';
import type { Method } from './cabinet-client';
import type { Progress } from './upload-progress';

/** The cabinet client's checked request (cabinet-client.ts): the answer parsed by `schema`, refusals thrown. */
export type CheckedRequest = <S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
  onProgress?: Progress,
) => Promise<z.output<S>>;

/** The history's filter as the cabinet asks for it (the desk's, without doctors and removed entries). */
export type CabinetFilter = Pick<ChartFilter, 'from' | 'to' | 'visitTypes' | 'kinds' | 'diagnosis' | 'text'>;

export const emptyFilter: CabinetFilter = { from: null, to: null, visitTypes: [], kinds: [], diagnosis: '', text: '' };

const labListSchema = z.object({ items: z.array(cabinetLabSchema) });

/** The history's query string (shared/cabinet/chart-api.ts `cabinetHistoryQuerySchema`): only what is set. */
export function historyQuery(filter: CabinetFilter, after: ChartCursor | null, limit: number): string {
  const query = new URLSearchParams();
  if (filter.from) query.set('from', filter.from);
  if (filter.to) query.set('to', filter.to);
  if (filter.visitTypes.length > 0) query.set('visitTypes', filter.visitTypes.join(','));
  if (filter.kinds.length > 0) query.set('kinds', filter.kinds.join(','));
  if (filter.diagnosis.trim()) query.set('diagnosis', filter.diagnosis.trim());
  if (filter.text.trim()) query.set('text', filter.text.trim());
  if (after) {
    query.set('afterAt', after.occurredAt);
    query.set('afterId', after.id);
  }
  query.set('limit', String(limit));
  return query.toString();
}

function withId(path: string, key: ':id' | ':scanId', id: string): string {
  return path.replace(key, encodeURIComponent(id));
}

/** The patient's chart in the cabinet: history, entries, inaccuracy reports, lab uploads, sharing. */
export class ChartCalls {
  constructor(
    private readonly base: string,
    private readonly request: CheckedRequest,
  ) {}

  history = (filter: CabinetFilter, after: ChartCursor | null, limit = 30) =>
    this.request('GET', `${cabinetChartPaths.history}?${historyQuery(filter, after, limit)}`, cabinetHistoryPageSchema);
  entry = (id: string) => this.request('GET', withId(cabinetChartPaths.entry, ':id', id), cabinetEntryDetailSchema);
  doctors = () => this.request('GET', cabinetChartPaths.doctors, cabinetDoctorsSchema);
  reports = () => this.request('GET', cabinetChartPaths.reports, cabinetReportListSchema);
  report = (body: InaccuracyReportRequest) => this.request('POST', cabinetChartPaths.reports, chartReportSchema, body);
  disagreement = (reportId: string, text: string) =>
    this.request('POST', withId(cabinetChartPaths.disagreement, ':id', reportId), chartReportSchema, { text });
  labs = () => this.request('GET', cabinetChartPaths.labs, labListSchema);
  /** The file first (checked by the server as any scan: format by content, size, integrity), with its progress. */
  uploadLabFile = (file: File, onProgress: Progress) =>
    this.request('POST', `${cabinetPaths.scans}?purpose=chart_document`, uploadedScanSchema, file, onProgress);
  addLab = (body: LabUploadRequest) => this.request('POST', cabinetChartPaths.labs, cabinetLabSchema, body);
  sendLab = (labId: string, doctorId: string) =>
    this.request('POST', withId(cabinetChartPaths.labSend, ':id', labId), cabinetLabSchema, { doctorId });
  /** Where the browser downloads a file of the chart (the session cookie goes with the link). */
  fileUrl = (scanId: string) => `${this.base}${withId(cabinetChartPaths.file, ':scanId', scanId)}`;
  shares = () => this.request('GET', cabinetChartPaths.shares, cabinetSharesSchema);
  giveConsent = (draft: ShareConsentDraft) =>
    this.request('POST', cabinetChartPaths.shareConsents, shareConsentSchema, draft);
  revokeConsent = (consentId: string, reason: string) =>
    this.request('POST', withId(cabinetChartPaths.shareRevoke, ':id', consentId), shareConsentSchema, { reason });
}
