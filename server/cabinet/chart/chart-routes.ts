import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  cabinetChartPaths,
  cabinetHistoryQuerySchema,
  labSendRequestSchema,
  labUploadRequestSchema,
  type CabinetEntryDetail,
  type CabinetHistoryPage,
  type CabinetLab,
} from '../../../shared/cabinet/chart-api';
import { chartFilterSchema, type ChartReport } from '../../../shared/chart/chart-views';
import { chartEntryKinds, visitTypes } from '../../../shared/chart/entry-kinds';
import { disagreementRequestSchema, inaccuracyReportRequestSchema } from '../../../shared/chart/inaccuracy';
import { parseInput } from '../../../shared/errors/zod-issues';
import { readChunks } from '../../blobs/blob-store';
import { accountRoute, routeLimits } from '../accounts/account-route-options';
import type { CabinetDeps } from '../cabinet-deps';
import { chartCardOf, idParam, type ChartCard } from './chart-card';
import { cabinetEntry, chartDoctors } from './chart-entry';
import { cabinetHistory } from './chart-history';
import { addLab, cabinetLabs, chartScan, sendLab } from './chart-labs';
import { recordCabinetRead } from './chart-read-log';
import { attachDisagreement, submitReport } from './chart-reports';
import { cardReports, reportViews } from './chart-rows';

const listOf = (value: string | undefined): string[] =>
  value === undefined
    ? []
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);

const fileExtensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/**
 * The cabinet's chart (issue 12, shared/cabinet/chart-api.ts): history, entries, inaccuracy
 * reports, lab uploads. The sharing routes are server/cabinet/chart/share-routes.ts. Every route
 * is the signed-in patient's own card only (chart-card.ts); every read of it is audited on the
 * server, the account as the reader (chart-read-log.ts).
 */
export function registerChartRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  const { db } = deps;
  const reportDeps = { db, blobKey: deps.masterKey, log: scope.log };
  const read = accountRoute(deps, routeLimits.read);
  const write = accountRoute(deps, routeLimits.check);
  const audit = (card: ChartCard, action: string, details: Record<string, unknown> = {}) =>
    recordCabinetRead(db, { ...card, action, details }, deps.now());

  scope.get(cabinetChartPaths.history, read, async (request): Promise<CabinetHistoryPage> => {
    const card = await chartCardOf(request, db);
    const query = parseInput(cabinetHistoryQuerySchema, request.query ?? {});
    const filter = parseInput(chartFilterSchema, {
      from: query.from ?? null,
      to: query.to ?? null,
      visitTypes: listOf(query.visitTypes).filter((type) => (visitTypes as readonly string[]).includes(type)),
      kinds: listOf(query.kinds).filter((kind) => (chartEntryKinds as readonly string[]).includes(kind)),
      diagnosis: query.diagnosis ?? '',
      text: query.text ?? '',
      // Removed entries stay in the patient's timeline, shown as removed (chart-rows.ts).
      includeDeleted: true,
    });
    const after =
      query.afterAt !== undefined && query.afterId !== undefined
        ? { occurredAt: query.afterAt, id: query.afterId }
        : null;
    const page = await cabinetHistory(db, card, filter, after, query.limit);
    await audit(card, 'chart.history', { count: page.items.length });
    return page;
  });

  scope.get(cabinetChartPaths.entry, read, async (request): Promise<CabinetEntryDetail> => {
    const card = await chartCardOf(request, db);
    const detail = await cabinetEntry(db, card, idParam(request.params, 'chart.entry.not_found'), deps.now());
    await audit(card, 'chart.entry', { entryId: detail.entry.id });
    return detail;
  });

  scope.get(cabinetChartPaths.doctors, read, async (request) => {
    const card = await chartCardOf(request, db);
    return { items: await chartDoctors(db, card) };
  });

  scope.get(cabinetChartPaths.reports, read, async (request) => {
    const card = await chartCardOf(request, db);
    const items = await reportViews(db, card.clinicId, await cardReports(db, card), deps.now());
    await audit(card, 'chart.reports', { count: items.length });
    return { items };
  });

  scope.post(cabinetChartPaths.reports, write, async (request, reply) => {
    const card = await chartCardOf(request, db);
    const body = parseInput(inaccuracyReportRequestSchema, request.body ?? {});
    const report = await submitReport(reportDeps, card, { ...body, entryId: body.entryId.toLowerCase() }, deps.now());
    return reply.code(201).send(report);
  });

  scope.post(cabinetChartPaths.disagreement, write, async (request): Promise<ChartReport> => {
    const card = await chartCardOf(request, db);
    const id = idParam(request.params, 'chart.report.not_found');
    const body = parseInput(disagreementRequestSchema, request.body ?? {});
    const now = deps.now();
    const report = await attachDisagreement(reportDeps, card, id, body.text, now);
    const [view] = await reportViews(db, card.clinicId, [report], now);
    return view!;
  });

  scope.get(cabinetChartPaths.labs, read, async (request) => {
    const card = await chartCardOf(request, db);
    const items = await cabinetLabs(db, card);
    await audit(card, 'chart.labs', { count: items.length });
    return { items };
  });

  scope.post(cabinetChartPaths.labs, write, async (request, reply) => {
    const card = await chartCardOf(request, db);
    const body = parseInput(labUploadRequestSchema, request.body ?? {});
    const lab = await addLab(db, card, { ...body, scanId: body.scanId.toLowerCase() }, deps.now());
    return reply.code(201).send(lab);
  });

  scope.post(cabinetChartPaths.labSend, write, async (request): Promise<CabinetLab> => {
    const card = await chartCardOf(request, db);
    const id = idParam(request.params, 'chart.entry.not_found');
    const body = parseInput(labSendRequestSchema, request.body ?? {});
    return sendLab(db, card, id, body.doctorId, deps.now());
  });

  scope.get(cabinetChartPaths.file, read, async (request, reply) => {
    const card = await chartCardOf(request, db);
    const scanId = idParam(request.params, 'scan.not_found');
    const scan = await chartScan(db, card, scanId);
    await audit(card, 'chart.file', { scanId });
    const name = `${scanId}.${fileExtensions[scan.mime] ?? 'bin'}`;
    return reply
      .header('content-type', scan.mime)
      .header('content-length', String(scan.bytes))
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(
        Readable.from(
          readChunks(db, deps.masterKey, { clinicId: card.clinicId, sha256: scan.sha256 }, 0, scan.bytes - 1),
        ),
      );
  });
}
