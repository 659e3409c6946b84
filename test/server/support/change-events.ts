import { signRequest } from '../../../server/testing/device-client';
import type { TestDevice } from './test-server';

/** A desk's open `GET /v1/sync/events` stream: the newest seq it has heard of, and a way to wait for one. */
export interface ChangeEvents {
  /** Every seq the stream announced, in order. */
  readonly seen: readonly number[];
  /** Resolves once the stream has announced a seq at or above `seq`. */
  reach(seq: number): Promise<void>;
  close(): void;
}

/** Opens the device's signed SSE stream, as the desk's sync loop does. */
export async function openChangeEvents(device: TestDevice): Promise<ChangeEvents> {
  const path = '/v1/sync/events';
  const abort = new AbortController();
  const response = await fetch(`${device.origin}${path}`, {
    headers: signRequest(device.privateKey, device.id, 'GET', path),
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`events: ${response.status}`);
  let newest = 0;
  const seen: number[] = [];
  let waiting: { seq: number; resolve: () => void }[] = [];
  const heard = (seq: number) => {
    seen.push(seq);
    newest = Math.max(newest, seq);
    const done = waiting.filter((wait) => wait.seq <= newest);
    waiting = waiting.filter((wait) => wait.seq > newest);
    for (const wait of done) wait.resolve();
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(bytes, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(event)?.[1];
          if (data) heard(Number((JSON.parse(data) as { seq: number }).seq));
        }
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  return {
    seen,
    reach: (seq) => (seq <= newest ? Promise.resolve() : new Promise((resolve) => waiting.push({ seq, resolve }))),
    close: () => abort.abort(),
  };
}
