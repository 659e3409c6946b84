import type { z } from 'zod';
import type { CallOutput, Contract } from '../../shared/api/contract';
import type { ScanFile } from '../../shared/api/scan-calls';
import { toApiError } from '../../shared/errors/app-error';
import { acceptScan } from '../services/scans/accept-scan';
import { listScans, readScan } from '../services/scans/read-scan';
import { removeScan } from '../services/scans/remove-scan';
import type { ServiceContext } from './context';
import type { Handlers } from './handler-types';

async function fileOf(
  ctx: ServiceContext,
  id: string,
  variant: 'original' | 'thumbnail',
  page?: number,
): Promise<ScanFile> {
  const read = await readScan(ctx, ctx.scans.vault, { scanId: id, variant });
  if (read.state !== 'ready') return { state: 'downloading', id };
  const picture =
    page !== undefined && read.mime === 'application/pdf' ? await ctx.scans.analyser.pdfPage(read.bytes, page) : null;
  return picture
    ? { state: 'ready', id, mime: 'image/jpeg', data: picture.toString('base64') }
    : { state: 'ready', id, mime: read.mime, data: read.bytes.toString('base64') };
}

type UploadInput = z.output<Contract['scans.upload']['input']>;
type AcceptInput = z.output<Contract['scans.accept']['input']>;

/** One chunk of a file on its way in (`scans.upload`, and the chart's own `chart.scans.upload`). */
export function uploadScanChunk(ctx: ServiceContext, input: UploadInput): CallOutput<'scans.upload'> {
  return ctx.scans.uploads.append(
    ctx.actor.staffId,
    input.uploadId,
    input.offset,
    Buffer.from(input.chunk, 'base64'),
    ctx.clock.now(),
  );
}

/** The uploaded file checked and kept (`scans.accept`, and `chart.scans.accept` for a chart's document). */
export async function acceptUploadedScan(ctx: ServiceContext, input: AcceptInput): Promise<CallOutput<'scans.accept'>> {
  const bytes = ctx.scans.uploads.take(ctx.actor.staffId, input.uploadId);
  const result = await acceptScan(ctx, ctx.scans, {
    patientId: input.patientId,
    bytes,
    purpose: input.purpose,
    attachedTo: input.attachedTo ?? null,
    source: input.source,
    ...(input.documentSize ? { documentSize: input.documentSize } : {}),
  });
  return result.accepted ? result : { accepted: false, checklist: result.checklist, error: toApiError(result.refusal) };
}

export const scanHandlers: Handlers<'scans'> = {
  'scans.list': (ctx, input) => ({ items: listScans(ctx, ctx.scans.vault, input.patientId, input.attachedTo) }),
  'scans.upload': (ctx, input) => uploadScanChunk(ctx, input),
  'scans.accept': (ctx, input) => acceptUploadedScan(ctx, input),
  'scans.devices': async (ctx) => ({ items: await ctx.scans.scanner.listDevices() }),
  'scans.scan': (ctx, input) => ({ jobId: ctx.scans.jobs.start(ctx.actor.staffId, input.deviceId, ctx.clock.now()) }),
  'scans.job': (ctx, input) => ctx.scans.jobs.get(ctx.actor.staffId, input.jobId, ctx.clock.now()),
  'scans.thumbnail': (ctx, input) => fileOf(ctx, input.id, 'thumbnail'),
  'scans.content': (ctx, input) => fileOf(ctx, input.id, 'original', input.page),
  'scans.remove': (ctx, input) => removeScan(ctx, input),
};
