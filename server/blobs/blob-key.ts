import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { AppError } from '../../shared/errors/app-error';
import { blobKeyId } from './blob-cipher';

export interface BlobKeySource {
  /** MEDCARD_SERVER_BLOB_KEY: 64 hex digits. */
  hex?: string;
  /** MEDCARD_SERVER_BLOB_KEY_FILE: a file holding the 64 hex digits, mode 0600. */
  file?: string;
  /** The embedded database's folder: the key file is made here on first run. */
  dataDir?: string;
}

const hexKey = /^[0-9a-fA-F]{64}$/;

/**
 * The key blobs are sealed with. Explicit keys win; the embedded default makes `blob.key`
 * (0600) beside its data so that a fresh machine just runs. With PostgreSQL there is no such
 * default: every instance must share one key, so it has to be given.
 */
export function loadBlobKey(source: BlobKeySource): Buffer {
  if (source.hex !== undefined) return parseHexKey(source.hex);
  if (source.file !== undefined) return readKeyFile(source.file);
  if (source.dataDir === undefined) throw new AppError('server.blob_key.missing');
  const path = join(source.dataDir, 'blob.key');
  if (!existsSync(path)) {
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return readKeyFile(path);
}

function parseHexKey(text: string): Buffer {
  const trimmed = text.trim();
  if (!hexKey.test(trimmed)) throw new AppError('server.blob_key.format');
  return Buffer.from(trimmed, 'hex');
}

function readKeyFile(path: string): Buffer {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new AppError('store.key.file_mode', { params: { path, mode: `0${mode.toString(8)}` } });
  }
  return parseHexKey(readFileSync(path, 'utf8'));
}

/**
 * The first key used is remembered (by its id, not its value); starting with another one is
 * refused, since blobs sealed with the first could no longer be read.
 */
export async function checkBlobKey(db: Knex, key: Buffer): Promise<void> {
  const id = blobKeyId(key);
  await db('server_meta').insert({ key: 'blob_key_id', value: id }).onConflict('key').ignore();
  const stored = await db('server_meta').where({ key: 'blob_key_id' }).first<{ value: string }>('value');
  if (stored?.value !== id) throw new AppError('server.blob_key.wrong');
}
