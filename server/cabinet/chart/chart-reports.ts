import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import type { ChartReport } from '../../../shared/chart/chart-views';
import { reportDeadlineWorkingDays, type InaccuracyReportRequest } from '../../../shared/chart/inaccuracy';
import { moscowDay } from '../../../shared/domain/application-deadline';
import { HttpError } from '../../http/http-error';
import { withChangeLog } from '../../sync/change-log';
import { writeServerRow } from '../../sync/server-rows';
import { deadlineYears, serverCalendar } from '../applications/server-calendar';
import type { ChartCard } from './chart-card';
import { cardReports, cardRow, reportView } from './chart-rows';

export interface ReportDeps {
  db: Knex;
  /** The blobs' key: the production calendar's files are blobs. */
  blobKey: Buffer;
  log: Pick<FastifyBaseLogger, 'warn'>;
}

/** The last working day for the clinic's answer: `reportDeadlineWorkingDays` after the Moscow day of `at`. */
export async function reportDueOn(deps: ReportDeps, clinicId: string, at: Date): Promise<string> {
  const calendar = await serverCalendar(
    { db: deps.db, blobKey: deps.blobKey, log: deps.log },
    clinicId,
    deadlineYears(at),
  );
  return calendar.addBusinessDays(moscowDay(at), reportDeadlineWorkingDays);
}

/**
 * A patient's report of an inaccuracy (D4): about an entry of their own card that is not
 * removed, one open report per entry at a time; written as the server's change so the clinic's
 * desks pull it into the reviewer queue.
 */
export async function submitReport(
  deps: ReportDeps,
  card: ChartCard,
  request: InaccuracyReportRequest,
  now: Date,
): Promise<ChartReport> {
  const entry = await cardRow(deps.db, card, 'chart_entries', request.entryId);
  if (!entry) throw new HttpError(404, 'chart.entry.not_found', { field: 'entryId' });
  if (typeof entry.data.deleted_at === 'string' && entry.data.deleted_at !== '')
    throw new HttpError(409, 'chart.entry.deleted', { field: 'entryId' });
  const dueOn = await reportDueOn(deps, card.clinicId, now);
  const at = now.toISOString();
  const id = uuidv7();
  const data = {
    patient_id: card.patientId,
    entry_id: entry.id,
    account_id: card.accountId,
    kind: request.kind,
    text: request.text,
    submitted_at: at,
    due_on: dueOn,
    status: 'open',
    decided_at: null,
    decided_by: null,
    decline_reason: null,
    amendment_revision: null,
    disagreement: null,
    disagreement_at: null,
  };
  await withChangeLog(deps.db, { now, clinicId: card.clinicId }, async (log) => {
    // Under the change log's lock: two submissions at once cannot both be the entry's open report.
    const open = (await cardReports(log.trx, card, entry.id)).some((report) => report.data.status === 'open');
    if (open) throw new HttpError(409, 'chart.report.open_exists', { field: 'entryId' });
    await writeServerRow(log, 'chart_reports', id, undefined, data, at);
  });
  return reportView(id, { ...data, created_at: at }, new Map(), now);
}

/** The patient's statement of disagreement with a declined report: once, and only then. */
export async function attachDisagreement(
  deps: ReportDeps,
  card: ChartCard,
  reportId: string,
  text: string,
  now: Date,
): Promise<{ id: string; data: Record<string, unknown> }> {
  const at = now.toISOString();
  return withChangeLog(deps.db, { now, clinicId: card.clinicId }, async (log) => {
    const report = await cardRow(log.trx, card, 'chart_reports', reportId);
    if (!report) throw new HttpError(404, 'chart.report.not_found');
    if (report.data.status !== 'declined') throw new HttpError(409, 'chart.report.not_declined');
    if (typeof report.data.disagreement === 'string' && report.data.disagreement !== '')
      throw new HttpError(409, 'chart.report.disagreement_exists');
    const fields = { disagreement: text, disagreement_at: at };
    await writeServerRow(log, 'chart_reports', report.id, report, fields, at);
    return { id: report.id, data: { ...report.data, ...fields } };
  });
}
