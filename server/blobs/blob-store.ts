import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { blobChunkMaxBytes, blobMaxBytes, type BlobStatus } from '../../shared/sync/protocol';
import { toNumber } from '../db/values';
import { HttpError } from '../http/http-error';
import { blobKeyId, openChunk, sealChunk, type SealedChunk } from './blob-cipher';
import { checkUploadLimits, defaultUploadLimits, type UploadLimits } from './upload-limits';

interface BlobRow {
  received: number;
  complete: boolean;
}

async function blobRowFor(
  trx: Knex.Transaction,
  where: { clinic_id: string; sha256: string },
  lock = false,
): Promise<BlobRow | undefined> {
  const query = trx('blobs').where(where);
  const row = await (lock ? query.forUpdate() : query).first<{ received: unknown; complete: boolean } | undefined>(
    'received',
    'complete',
  );
  return row ? { received: toNumber(row.received), complete: row.complete } : undefined;
}

/** A blob is named by its hash within its clinic: another clinic's device never finds it. */
export interface BlobRef {
  clinicId: string;
  sha256: string;
}

export async function blobStatus(db: Knex, { clinicId, sha256 }: BlobRef): Promise<BlobStatus | undefined> {
  const row = await db('blobs')
    .where({ clinic_id: clinicId, sha256 })
    .first<{ received: unknown; complete: boolean } | undefined>('received', 'complete');
  return row ? { sha256, received: toNumber(row.received), complete: row.complete } : undefined;
}

export interface AppendChunk extends BlobRef {
  /** The device sending it: unfinished uploads are capped per device (upload-limits.ts). */
  deviceId: string;
  offset: number;
  bytes: Buffer;
  /** The desk says this is the last chunk: check the whole content against its hash. */
  complete: boolean;
  now: Date;
}

/**
 * Appends one chunk, sealed, at the offset the server expects (so an interrupted upload resumes
 * from HEAD's `upload-offset`). On the last chunk the content is hashed; a mismatch discards
 * every chunk of the blob and is refused. A device's unfinished uploads are capped (`limits`).
 */
export async function appendChunk(
  db: Knex,
  key: Buffer,
  chunk: AppendChunk,
  maxBytes = blobMaxBytes,
  limits: UploadLimits = defaultUploadLimits,
): Promise<BlobStatus> {
  const blobRow = { clinic_id: chunk.clinicId, sha256: chunk.sha256 };
  const outcome = await db.transaction(async (trx): Promise<BlobStatus | 'mismatch'> => {
    const existing = await blobRowFor(trx, blobRow);
    if (existing?.complete) return { sha256: chunk.sha256, received: existing.received, complete: true };
    await checkUploadLimits(
      trx,
      { id: chunk.deviceId },
      { starting: existing === undefined, bytes: chunk.bytes.length, now: chunk.now },
      limits,
    );
    await trx('blobs')
      .insert({
        ...blobRow,
        device_id: chunk.deviceId,
        received: 0,
        complete: false,
        created_at: chunk.now,
        touched_at: chunk.now,
      })
      .onConflict(['clinic_id', 'sha256'])
      .ignore();
    // Two uploads of the same content queue here instead of interleaving their chunks.
    const blob = (await blobRowFor(trx, blobRow, true))!;
    // Content-addressed: once complete, any further upload of it has nothing to add.
    if (blob.complete) return { sha256: chunk.sha256, received: blob.received, complete: true };
    if (chunk.offset !== blob.received) {
      throw new HttpError(409, 'sync.blob.offset', {
        params: { expected: blob.received },
        headers: { 'upload-offset': String(blob.received) },
      });
    }
    const received = blob.received + chunk.bytes.length;
    if (received > maxBytes) throw new HttpError(413, 'sync.blob.too_large', { params: { max: maxBytes } });
    if (chunk.bytes.length > 0) {
      await insertChunk(trx, {
        clinicId: chunk.clinicId,
        sha256: chunk.sha256,
        offset: chunk.offset,
        length: chunk.bytes.length,
        keyId: blobKeyId(key),
        ...sealChunk(key, chunk.sha256, chunk.offset, chunk.bytes),
      });
    }
    if (!chunk.complete) {
      await trx('blobs').where(blobRow).update({ received, touched_at: chunk.now });
      return { sha256: chunk.sha256, received, complete: false };
    }
    const hash = createHash('sha256');
    for await (const plain of readChunks(trx, key, chunk, 0, received - 1)) hash.update(plain);
    if (hash.digest('hex') !== chunk.sha256) {
      await trx('blobs').where(blobRow).delete(); // chunks go with it (cascade)
      return 'mismatch';
    }
    await trx('blobs')
      .where(blobRow)
      .update({ received, complete: true, completed_at: chunk.now, touched_at: chunk.now });
    return { sha256: chunk.sha256, received, complete: true };
  });
  // Refused after the commit, so that the discarding sticks.
  if (outcome === 'mismatch') throw new HttpError(422, 'sync.blob.hash_mismatch');
  return outcome;
}

/**
 * Keeps a whole file the server itself received (a patient's upload from the cabinet), sealed in
 * chunks as a desk's upload is, in the caller's transaction, so that the file and the row naming
 * it commit together; desks then fetch it like any other. Content-addressed: a complete copy is
 * left as it is, a desk's unfinished upload of the same content is completed. Returns its SHA-256.
 */
export async function putWholeBlob(
  trx: Knex.Transaction,
  key: Buffer,
  blob: { clinicId: string; bytes: Buffer; now: Date },
): Promise<string> {
  const sha256 = createHash('sha256').update(blob.bytes).digest('hex');
  const where = { clinic_id: blob.clinicId, sha256 };
  await trx('blobs')
    .insert({ ...where, device_id: null, received: 0, complete: false, created_at: blob.now, touched_at: blob.now })
    .onConflict(['clinic_id', 'sha256'])
    .ignore();
  const row = (await blobRowFor(trx, where, true))!;
  if (row.complete) return sha256;
  await trx('blob_chunks').where(where).delete();
  for (let offset = 0; offset < blob.bytes.length; offset += blobChunkMaxBytes) {
    const plain = blob.bytes.subarray(offset, offset + blobChunkMaxBytes);
    await insertChunk(trx, {
      clinicId: blob.clinicId,
      sha256,
      offset,
      length: plain.length,
      keyId: blobKeyId(key),
      ...sealChunk(key, sha256, offset, plain),
    });
  }
  await trx('blobs').where(where).update({
    device_id: null,
    received: blob.bytes.length,
    complete: true,
    completed_at: blob.now,
    touched_at: blob.now,
  });
  return sha256;
}

/**
 * The plaintext of bytes first…last (inclusive), one decrypted chunk at a time: a 50 MiB blob is
 * never held whole in memory.
 */
export async function* readChunks(
  db: Knex,
  key: Buffer,
  { clinicId, sha256 }: BlobRef,
  first: number,
  last: number,
): AsyncGenerator<Buffer> {
  if (last < first) return;
  const chunks = await db('blob_chunks')
    .where({ clinic_id: clinicId, sha256 })
    .where('offset', '<=', last)
    .whereRaw('"offset" + length > ?', [first])
    .orderBy('offset')
    .select<{ offset: unknown; length: number }[]>('offset', 'length');
  let expected: number | undefined;
  for (const meta of chunks) {
    const offset = toNumber(meta.offset);
    if (expected === undefined ? offset > first : offset !== expected)
      throw new Error(`Blob ${sha256} has a gap before ${offset}`);
    expected = offset + meta.length;
    const sealed = await selectChunk(db, { clinicId, sha256 }, offset);
    const plain = openChunk(key, sha256, offset, sealed);
    yield plain.subarray(Math.max(0, first - offset), Math.min(plain.length, last - offset + 1));
  }
  if ((expected ?? first) <= last) throw new Error(`Blob ${sha256} ends before byte ${last}`);
}

/*
 * Bytes travel as base64 text and are converted by the database (decode/encode): PGlite's
 * bytea parameter and result handling runs in JavaScript and is ~10× slower for a 1 MiB chunk
 * than letting Postgres convert; for pg the cost is negligible either way.
 */
async function insertChunk(
  trx: Knex.Transaction,
  chunk: BlobRef & { offset: number; length: number; keyId: string } & SealedChunk,
): Promise<void> {
  await trx.raw(
    `INSERT INTO blob_chunks (clinic_id, sha256, "offset", length, key_id, iv, tag, ciphertext)
     VALUES (?, ?, ?, ?, ?, decode(?, 'base64'), decode(?, 'base64'), decode(?, 'base64'))`,
    [
      chunk.clinicId,
      chunk.sha256,
      chunk.offset,
      chunk.length,
      chunk.keyId,
      chunk.iv.toString('base64'),
      chunk.tag.toString('base64'),
      chunk.ciphertext.toString('base64'),
    ],
  );
}

async function selectChunk(db: Knex, { clinicId, sha256 }: BlobRef, offset: number): Promise<SealedChunk> {
  const result = await db.raw<{ rows: { iv: string; tag: string; ciphertext: string }[] }>(
    `SELECT encode(iv, 'base64') AS iv, encode(tag, 'base64') AS tag, encode(ciphertext, 'base64') AS ciphertext
     FROM blob_chunks WHERE clinic_id = ? AND sha256 = ? AND "offset" = ?`,
    [clinicId, sha256, offset],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`Blob ${sha256} lost its chunk at ${offset}`);
  // encode() wraps base64 every 76 characters; Buffer.from skips the line breaks.
  return {
    iv: Buffer.from(row.iv, 'base64'),
    tag: Buffer.from(row.tag, 'base64'),
    ciphertext: Buffer.from(row.ciphertext, 'base64'),
  };
}
