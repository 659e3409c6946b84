import type { Readable } from 'node:stream';
import { scanTooLarge } from '../../../scan-checks/check-scan';
import { HttpError } from '../../http/http-error';

/** The size rule's refusal as the server answers it: 413 with the desk's code and figures. */
export function bodyTooLarge(size: number): HttpError {
  const refusal = scanTooLarge(size);
  return new HttpError(413, refusal.code, { field: 'scan', params: refusal.params });
}

/**
 * A file's bytes as they arrive, never more than `max` of them held: a declared Content-Length
 * over `max` is refused before a byte is read, and a body without one (chunked) is refused at the
 * first chunk that takes it past `max`. What follows a refusal is let through unread (Node
 * discards it), so no request holds more than `max` plus one chunk.
 */
export function readScanBody(payload: Readable, declaredLength: string | undefined, max: number): Promise<Buffer> {
  const declared = declaredLength === undefined ? Number.NaN : Number(declaredLength);
  if (Number.isFinite(declared) && declared > max) return Promise.reject(bodyTooLarge(declared));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => {
      payload.off('data', onData).off('end', onEnd).off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > max) {
        stop();
        reject(bodyTooLarge(received));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, received));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    payload.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
