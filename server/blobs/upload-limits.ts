import type { Knex } from 'knex';
import { toNumber } from '../db/values';
import { HttpError } from '../http/http-error';

/** What one device may leave unfinished: uploads begun and not completed, and their bytes. */
export interface UploadLimits {
  /** Unfinished uploads a device may have at once. */
  maxUnfinished: number;
  /** Bytes those unfinished uploads may hold together. */
  maxUnfinishedBytes: number;
  /** An unfinished upload that has not grown for this long is discarded. */
  expireAfterMs: number;
}

/** A scan or two in flight per desk with room to spare; a day to resume an interrupted one. */
export const defaultUploadLimits: UploadLimits = {
  maxUnfinished: 16,
  maxUnfinishedBytes: 256 * 1024 * 1024,
  expireAfterMs: 24 * 60 * 60 * 1000,
};

/**
 * Refuses a device's chunk when it would take the device past its limits: `starting` a new upload
 * counts against the number, every chunk of an unfinished one against the bytes. Runs in the
 * chunk's transaction with the device's row locked, so two chunks of one device cannot both slip
 * under the limit. The device's own expired uploads are swept first.
 */
export async function checkUploadLimits(
  trx: Knex.Transaction,
  device: { id: string },
  chunk: { starting: boolean; bytes: number; now: Date },
  limits: UploadLimits,
): Promise<void> {
  await trx('devices').where({ id: device.id }).forUpdate().first('id');
  await expiredUploads(trx, chunk.now, limits).where({ device_id: device.id }).delete();
  const row = await trx('blobs')
    .where({ device_id: device.id, complete: false })
    .first<{ n: unknown; bytes: unknown }>(trx.raw('count(*) AS n'), trx.raw('coalesce(sum(received), 0) AS bytes'));
  const count = toNumber(row?.n ?? 0);
  const bytes = toNumber(row?.bytes ?? 0);
  if ((chunk.starting && count >= limits.maxUnfinished) || bytes + chunk.bytes > limits.maxUnfinishedBytes) {
    throw new HttpError(429, 'sync.blob.unfinished_capped', {
      params: { count: limits.maxUnfinished, bytes: limits.maxUnfinishedBytes },
    });
  }
}

function expiredUploads(db: Knex, now: Date, limits: UploadLimits): Knex.QueryBuilder {
  return db('blobs')
    .where({ complete: false })
    .where('touched_at', '<', new Date(now.getTime() - limits.expireAfterMs));
}

/** Discards every unfinished upload left alone too long (their chunks go with them); returns how many. */
export async function sweepExpiredUploads(db: Knex, now: Date, limits: UploadLimits): Promise<number> {
  const swept: unknown[] = await expiredUploads(db, now, limits).delete().returning('sha256');
  return swept.length;
}
