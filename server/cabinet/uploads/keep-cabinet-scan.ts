import type { Knex } from 'knex';
import { inspectScan } from '../../../scan-checks/check-scan';
import type { ScanAnalyser } from '../../../scan-checks/scan-analyser';
import type { UploadedScan } from '../../../shared/cabinet/cabinet-api';
import type { AppError } from '../../../shared/errors/app-error';
import type { ScanPurpose } from '../../../shared/scans/scan-purpose';
import { putWholeBlob } from '../../blobs/blob-store';
import { HttpError } from '../../http/http-error';
import { withChangeLog } from '../../sync/change-log';
import { cabinetScansSince, writeCabinetScan } from './cabinet-scan-row';

/** Uploads a card may keep in a day (a passport's pages, a policy, a retake or two — and no more). */
export const cabinetScansPerDay = 20;
const dayMs = 24 * 60 * 60 * 1000;

export interface KeepScanInput {
  clinicId: string;
  patientId: string;
  purpose: ScanPurpose;
  bytes: Buffer;
}

export interface KeepScanDeps {
  db: Knex;
  /** The clinic's blob key (the server's master key), as desks' uploads are sealed with. */
  blobKey: Buffer;
  analyser: Pick<ScanAnalyser, 'inspect'>;
  now: Date;
}

export type KeepScanOutcome = { kept: true; scan: UploadedScan } | { kept: false; refusal: AppError };

/** 429 cabinet.scan.daily_limit once the card has its day's uploads. */
export async function assertUnderDailyLimit(db: Knex, card: { clinicId: string; patientId: string }, now: Date) {
  const kept = await cabinetScansSince(db, card, new Date(now.getTime() - dayMs));
  if (kept >= cabinetScansPerDay) {
    throw new HttpError(429, 'cabinet.scan.daily_limit', { params: { max: cabinetScansPerDay } });
  }
}

/**
 * A patient's upload, weighed by the desk's own checks (scan-checks/: format by content, size,
 * pixel cap and bombs, resolution, brightness, sharpness — decoded in the worker thread) and, when
 * every rule passes, kept as the desk keeps it: the file and its thumbnail as the clinic's sealed
 * blobs and a `document_scans` row in the change log, all in one transaction. A refused file
 * leaves nothing behind.
 */
export async function keepCabinetScan(deps: KeepScanDeps, input: KeepScanInput): Promise<KeepScanOutcome> {
  const { checklist, refusal, thumbnail } = await inspectScan(input.bytes, { now: deps.now }, deps.analyser);
  if (refusal) return { kept: false, refusal };
  if (!thumbnail || !checklist.mime) throw new Error('An accepted scan came without its format or thumbnail');
  const mime = checklist.mime;
  const at = deps.now.toISOString();
  const card = { clinicId: input.clinicId, patientId: input.patientId };
  const scanId = await withChangeLog(deps.db, { now: deps.now, clinicId: input.clinicId }, async (log) => {
    // Under the change log's lock: two uploads at once cannot both take the day's last place.
    await assertUnderDailyLimit(log.trx, card, deps.now);
    const blob = { clinicId: input.clinicId, now: deps.now };
    const sha256 = await putWholeBlob(log.trx, deps.blobKey, { ...blob, bytes: input.bytes });
    const thumbnailSha256 = await putWholeBlob(log.trx, deps.blobKey, { ...blob, bytes: thumbnail });
    return writeCabinetScan(
      log,
      { ...card, purpose: input.purpose, mime, sha256, thumbnailSha256, bytes: input.bytes.length, checklist },
      at,
    );
  });
  return {
    kept: true,
    scan: { scanId, mime, bytes: input.bytes.length, pages: checklist.pages, dpi: checklist.dpi },
  };
}
