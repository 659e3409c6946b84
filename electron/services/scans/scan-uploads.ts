import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors/app-error';
import { scanUploadMaxBytes } from '../../../shared/scans/scan-inputs';

/** An upload nobody touched for this long is dropped (the dialog was closed mid-way). */
const idleMs = 10 * 60 * 1000;
/** All staged files together: a handful of clerks' dialogs, not a place to park files. */
const maxStagedBytes = 4 * scanUploadMaxBytes;

interface Upload {
  owner: string;
  chunks: Buffer[];
  received: number;
  touched: number;
}

/**
 * Files on their way into a scan, in memory only (never on disk unencrypted): chunks of a file
 * the clerk picked, a camera frame, or a page the scanner made. Each belongs to the person who
 * started it; `take` hands the bytes over once and forgets them.
 */
export interface ScanUploads {
  append(
    owner: string,
    uploadId: string | undefined,
    offset: number,
    chunk: Buffer,
    now: Date,
  ): { uploadId: string; received: number };
  /** A whole file at once (the scanner's page). */
  stage(owner: string, bytes: Buffer, now: Date): string;
  take(owner: string, uploadId: string): Buffer;
}

export function createScanUploads(): ScanUploads {
  const uploads = new Map<string, Upload>();
  const sweep = (now: number) => {
    for (const [id, upload] of uploads) if (now - upload.touched > idleMs) uploads.delete(id);
  };
  const staged = () => [...uploads.values()].reduce((sum, upload) => sum + upload.received, 0);
  const find = (owner: string, uploadId: string) => {
    const upload = uploads.get(uploadId);
    // Someone else's upload is as unknown as an expired one.
    if (!upload || upload.owner !== owner) throw new AppError('scan.upload.unknown');
    return upload;
  };
  const room = (size: number) => {
    if (staged() + size > maxStagedBytes) throw new AppError('scan.upload.busy');
  };

  return {
    append(owner, uploadId, offset, chunk, now) {
      sweep(now.getTime());
      let id = uploadId;
      let upload: Upload;
      if (id === undefined) {
        if (offset !== 0) throw new AppError('scan.upload.offset', { field: 'offset', params: { expected: 0 } });
        id = randomUUID();
        upload = { owner, chunks: [], received: 0, touched: now.getTime() };
        uploads.set(id, upload);
      } else upload = find(owner, id);
      if (offset !== upload.received)
        throw new AppError('scan.upload.offset', { field: 'offset', params: { expected: upload.received } });
      if (upload.received + chunk.length > scanUploadMaxBytes) {
        uploads.delete(id);
        throw new AppError('scan.upload.too_large', { params: { max: Math.round(scanUploadMaxBytes / 1024 / 1024) } });
      }
      room(chunk.length);
      upload.chunks.push(chunk);
      upload.received += chunk.length;
      upload.touched = now.getTime();
      return { uploadId: id, received: upload.received };
    },
    stage(owner, bytes, now) {
      sweep(now.getTime());
      room(bytes.length);
      const id = randomUUID();
      uploads.set(id, { owner, chunks: [bytes], received: bytes.length, touched: now.getTime() });
      return id;
    },
    take(owner, uploadId) {
      const upload = find(owner, uploadId);
      uploads.delete(uploadId);
      if (upload.received === 0) throw new AppError('scan.upload.empty');
      return Buffer.concat(upload.chunks);
    },
  };
}
