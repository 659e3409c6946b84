import { createInflate, inflateSync } from 'node:zlib';
import { AppError } from '../shared/errors/app-error';

/** The refusal of data that would expand beyond what its file declares (a decompression bomb). */
export function inflatesTooMuch(part: string): AppError {
  return new AppError('scan.data.inflates_too_much', { params: { part } });
}

/**
 * zlib data inflated into at most `max` bytes: zlib itself stops at the limit (`maxOutputLength`),
 * so a bomb costs `max` bytes and the time to fill them, never what it would expand to.
 */
export function inflateAtMost(data: Uint8Array, max: number, part: string): Buffer {
  try {
    return inflateSync(data, { maxOutputLength: Math.max(max, 1) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw inflatesTooMuch(part);
    throw error;
  }
}

/**
 * How many bytes zlib data inflates to, counted as it streams (nothing is kept), stopping as soon
 * as the count passes `max`: the check of a PNG's image data against its header, which a decoder
 * would otherwise inflate in full however little of it the picture uses.
 */
export function inflatedSizeAtMost(chunks: readonly Uint8Array[], max: number, part: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflate();
    let size = 0;
    let done = false;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      if (error) reject(error);
      else resolve(size);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        finish(inflatesTooMuch(part));
        inflate.destroy();
      }
    });
    inflate.on('error', (error) => finish(error));
    inflate.on('end', () => finish(null));
    for (const chunk of chunks) inflate.write(chunk);
    inflate.end();
  });
}
