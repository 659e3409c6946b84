import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';

/**
 * Writes to a stream with back-pressure, and turns the stream's first error (ENOSPC, EIO…) into
 * a rejection of the write in flight and of every later one.
 */
export class SinkWriter {
  private failure: Error | null = null;
  bytes = 0;

  constructor(private readonly sink: Writable) {
    sink.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    const ok = this.sink.write(chunk);
    this.bytes += chunk.length;
    if (!ok) await this.wait('drain');
    if (this.failure) throw this.failure;
  }

  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    this.sink.end();
    await this.wait('finish');
    if (this.failure) throw this.failure;
  }

  /** Closes the stream after a failure, so that its file can be removed. */
  destroy(): void {
    this.sink.destroy();
  }

  private wait(event: 'drain' | 'finish'): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => {
        this.sink.off(event, onEvent);
        reject(error);
      };
      const onEvent = () => {
        this.sink.off('error', onError);
        resolve();
      };
      this.sink.once(event, onEvent);
      this.sink.once('error', onError);
    });
  }
}

/** The SHA-256 (hex) and size of a file, read as a stream. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}
