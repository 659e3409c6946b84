import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors/app-error';
import { blobKeyId } from '../../blobs/blob-cipher';

/**
 * A server backup file: one JSON header line, then the payload (PGlite's folder as a gzipped
 * tar). The header names the blob key the data was made under (its id, never the key), the
 * payload's length and SHA-256, and a MAC over all that under a key derived from the blob key:
 * a cut file is told by its length, a changed one by its hash or MAC, and a file made for
 * another server by the key id. The blob key itself is never in it: it is kept apart.
 */
const format = 'medcard-server-backup';

const headerSchema = z
  .object({
    format: z.literal(format),
    version: z.literal(1),
    createdAt: z.iso.datetime(),
    blobKeyId: z.string().min(1).max(64),
    payloadBytes: z.number().int().nonnegative(),
    payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type BackupHeader = z.infer<typeof headerSchema>;

const maxHeaderBytes = 4096;

function macKey(blobKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', blobKey, Buffer.alloc(0), 'medcard server backup v1', 32));
}

function macOf(blobKey: Buffer, header: Omit<BackupHeader, 'mac'>): string {
  const fields = [
    header.format,
    header.version,
    header.createdAt,
    header.blobKeyId,
    header.payloadBytes,
    header.payloadSha256,
  ];
  return createHmac('sha256', macKey(blobKey)).update(JSON.stringify(fields)).digest('hex');
}

/** Writes the backup to `path` (0600), never over an existing file; returns its header. */
export function writeBackupFile(path: string, payload: Buffer, blobKey: Buffer, now: Date): BackupHeader {
  const unsigned = {
    format,
    version: 1 as const,
    createdAt: now.toISOString(),
    blobKeyId: blobKeyId(blobKey),
    payloadBytes: payload.length,
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
  } satisfies Omit<BackupHeader, 'mac'>;
  const header: BackupHeader = { ...unsigned, mac: macOf(blobKey, unsigned) };
  const partial = `${path}.partial-${process.pid}`;
  const fd = openSync(partial, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(header)}\n`);
    writeSync(fd, payload);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    // A hard link fails when the name is taken, where a rename would replace the file there.
    linkSync(partial, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new AppError('server_ops.backup.exists', { params: { path } });
    throw error;
  } finally {
    rmSync(partial, { force: true });
  }
  return header;
}

/** Reads and checks a backup made under `blobKey`; returns its header and payload. */
export function readBackupFile(path: string, blobKey: Buffer): { header: BackupHeader; payload: Buffer } {
  const bytes = readFileSync(path);
  const end = bytes.subarray(0, maxHeaderBytes).indexOf(0x0a);
  const opening = `{"format":"${format}"`;
  if (end < 0) {
    const start = bytes.subarray(0, opening.length).toString('latin1');
    if (bytes.length < maxHeaderBytes && opening.startsWith(start) && start.length > 0) {
      throw new AppError('server_ops.backup.truncated', { params: { path, actual: bytes.length, expected: '?' } });
    }
    throw new AppError('server_ops.backup.format', { params: { path } });
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.subarray(0, end).toString('utf8'));
  } catch {
    throw new AppError('server_ops.backup.format', { params: { path } });
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) {
    const named = typeof json === 'object' && json !== null && (json as { format?: unknown }).format === format;
    throw new AppError(named ? 'server_ops.backup.tampered' : 'server_ops.backup.format', { params: { path } });
  }
  const header = parsed.data;
  const payload = bytes.subarray(end + 1);
  if (payload.length < header.payloadBytes) {
    throw new AppError('server_ops.backup.truncated', {
      params: { path, actual: payload.length, expected: header.payloadBytes },
    });
  }
  if (header.blobKeyId !== blobKeyId(blobKey)) throw new AppError('server_ops.backup.other_key', { params: { path } });
  const { mac, ...unsigned } = header;
  const sha = createHash('sha256').update(payload).digest('hex');
  const macMatches = timingSafeEqual(Buffer.from(mac, 'hex'), Buffer.from(macOf(blobKey, unsigned), 'hex'));
  if (payload.length !== header.payloadBytes || sha !== header.payloadSha256 || !macMatches) {
    throw new AppError('server_ops.backup.tampered', { params: { path } });
  }
  return { header, payload };
}
