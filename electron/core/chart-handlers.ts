import { amendEntry, removeEntry } from '../services/chart/amend-entry';
import { chartDoctors } from '../services/chart/chart-doctors';
import { chartEntryDetail, watchEntry } from '../services/chart/chart-entry-detail';
import { chartHistory } from '../services/chart/chart-history';
import { checkPrescriptionFor } from '../services/chart/check-prescription';
import { recordEntry } from '../services/chart/record-entry';
import { acceptReport, declineReport } from '../services/chart/reports/decide-report';
import { reportCount, reportQueue } from '../services/chart/reports/report-queue';
import { giveShareConsent, revokeShareConsent } from '../services/chart/sharing/share-consents';
import { listShares, sendShare } from '../services/chart/sharing/send-share';
import type { Handlers } from './handler-types';
import { acceptUploadedScan, uploadScanChunk } from './scan-handlers';

/** The doctor's chart (issue 12, D1–D6): history, entries and amendments, the prescription check, reports, sharing. */
export const chartHandlers: Handlers<'chart'> = {
  'chart.history': (ctx, input) => chartHistory(ctx, input),
  'chart.entry': (ctx, input) => chartEntryDetail(ctx, input.id),
  'chart.watch': (ctx, input) => watchEntry(ctx, input.id),
  'chart.record': (ctx, input) => recordEntry(ctx, input),
  'chart.amend': (ctx, input) => amendEntry(ctx, input),
  'chart.remove': (ctx, input) => removeEntry(ctx, input),
  'chart.checkPrescription': (ctx, input) => checkPrescriptionFor(ctx, input),
  'chart.doctors': (ctx) => chartDoctors(ctx),
  'chart.reports.queue': (ctx, input) => reportQueue(ctx, input),
  'chart.reports.count': (ctx) => reportCount(ctx),
  'chart.reports.accept': (ctx, input) => acceptReport(ctx, input),
  'chart.reports.decline': (ctx, input) => declineReport(ctx, input.id, input.reason),
  'chart.scans.upload': (ctx, input) => uploadScanChunk(ctx, input),
  'chart.scans.accept': (ctx, input) => acceptUploadedScan(ctx, { ...input, purpose: 'chart_document' }),
  'chart.shares.list': (ctx, input) => listShares(ctx, input.patientId),
  'chart.shares.giveConsent': (ctx, input) => giveShareConsent(ctx, input.patientId, input.consent),
  'chart.shares.revokeConsent': (ctx, input) => revokeShareConsent(ctx, input.id, input.reason),
  'chart.shares.send': (ctx, input) => sendShare(ctx, input.consentId, input.entryIds),
};
