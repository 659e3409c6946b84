import { createHash } from 'node:crypto';
import { blobChunkMaxBytes, type BlobStatus } from '../../shared/sync/protocol';

/** Scans and lab files travel apart from rows, content-addressed by SHA-256 (ARCHITECTURE). */
export interface BlobTransport {
  blobStatus(sha256: string): Promise<BlobStatus>;
  putBlobChunk(sha256: string, offset: number, bytes: Buffer, complete: boolean): Promise<BlobStatus>;
  /** The content from byte `from` to byte `to` (inclusive), or to the end. */
  getBlob(sha256: string, from: number, to?: number): Promise<Buffer>;
}

export function sha256Hex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Uploads a blob, resuming where the server's copy ends (a cut mid-upload costs only the chunk
 * in flight). The server checks the whole content against the hash before it accepts it.
 */
export async function uploadBlob(
  transport: BlobTransport,
  content: Buffer,
  onProgress?: (sent: number, total: number) => void,
): Promise<string> {
  const sha256 = sha256Hex(content);
  let status = await transport.blobStatus(sha256);
  let offset = status.received;
  while (!status.complete) {
    const end = Math.min(content.length, offset + blobChunkMaxBytes);
    status = await transport.putBlobChunk(sha256, offset, content.subarray(offset, end), end === content.length);
    if (status.received <= offset && !status.complete)
      throw new Error(`The server did not take the chunk at ${offset}`);
    offset = status.received;
    onProgress?.(offset, content.length);
  }
  return sha256;
}

/**
 * Downloads a blob, resuming after `partial` (what an interrupted download already has), and
 * refuses content whose hash is not the one asked for.
 */
export async function downloadBlob(
  transport: BlobTransport,
  sha256: string,
  partial: Buffer = Buffer.alloc(0),
): Promise<Buffer> {
  const rest = await transport.getBlob(sha256, partial.length);
  const content = Buffer.concat([partial, rest]);
  if (sha256Hex(content) !== sha256) throw new Error(`Blob ${sha256} arrived with other content; it was not kept`);
  return content;
}
