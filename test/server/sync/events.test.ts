import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerDb } from '../../../server/db/open';
import { signRequest } from '../../../server/testing/device-client';
import { pushResponseSchema } from '../../../shared/sync/protocol';
import {
  enrolTestDevice,
  mutation,
  newPatient,
  openTestDb,
  startTestServer,
  type TestDb,
  type TestDevice,
  type TestServer,
} from '../support/test-server';

let testDb: TestDb;
let secondDb: Knex;
let serverA: TestServer;
let serverB: TestServer;
let deskA: TestDevice;
let deskB: TestDevice;

beforeAll(async () => {
  testDb = await openTestDb();
  // On PostgreSQL the second instance has its own pool and its own LISTEN connection.
  secondDb = testDb.url ? await openServerDb({ databaseUrl: testDb.url }) : testDb.db;
  serverA = await startTestServer(testDb.db);
  serverB = await startTestServer(secondDb, { heartbeatMs: 100 });
  deskA = await enrolTestDevice(testDb.db, serverA, 'A');
  deskB = (await enrolTestDevice(testDb.db, serverA, 'B')).via(serverB);
}, 60_000);
afterAll(async () => {
  await serverA?.close();
  await serverB?.close();
  if (secondDb && secondDb !== testDb.db) await secondDb.destroy();
  await testDb?.cleanup();
}, 60_000);

interface EventStream {
  status: number;
  contentType: string | null;
  /** Resolves with the first event (or comment) after now that matches. */
  next(match: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
  ended: Promise<void>;
}
interface SseEvent {
  event?: string;
  data?: string;
  comment?: string;
}

/** A signed EventSource, reading the stream as the desk's worker will. */
async function openEvents(desk: TestDevice): Promise<EventStream> {
  const path = '/v1/sync/events';
  const abort = new AbortController();
  const response = await fetch(`${desk.origin}${path}`, {
    headers: signRequest(desk.privateKey, desk.id, 'GET', path),
    signal: abort.signal,
  });
  const queue: SseEvent[] = [];
  const waiters = new Set<() => void>();
  const ended = (async () => {
    if (!response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) event.comment = line.slice(1).trim();
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('data: ')) event.data = line.slice(6);
          }
          queue.push(event);
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    ended,
    close: () => abort.abort(),
    next: (match, timeoutMs = 2000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const index = queue.findIndex(match);
          if (index < 0) return;
          const [found] = queue.splice(0, index + 1).slice(-1);
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found!);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('no matching event in time'));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

/** Long enough for any machine; only a stream that never delivers reaches it. */
const hangGuardMs = 10_000;
const isChange = (event: SseEvent) => event.event === 'change';
const seqOf = (event: SseEvent) => (JSON.parse(event.data ?? '{}') as { seq: number }).seq;

describe('live change events (GET /v1/sync/events)', () => {
  it('refuses an unsigned stream', async () => {
    const response = await fetch(`${serverA.origin}/v1/sync/events`);
    expect(response.status).toBe(401);
  });

  // How soon an event arrives is measured in bench/sync.bench.ts (propagation); here the proof is
  // that it arrives on the open stream at all, unasked. The waits are hang guards only.
  it('opens with the newest seq, then announces a change on the open stream', async () => {
    const stream = await openEvents(deskA);
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      const hello = await stream.next(isChange);
      const m = mutation({ changed: newPatient() });
      const [result] = pushResponseSchema.parse((await deskA.push([m])).json()).results;
      const version = result!.status === 'applied' ? result!.version : -1;
      const event = await stream.next((e) => isChange(e) && seqOf(e) >= version, hangGuardMs);
      expect(seqOf(event)).toBe(version);
      expect(version).toBeGreaterThan(seqOf(hello));
    } finally {
      stream.close();
    }
  });

  it('reaches a desk connected to another instance (NOTIFY through the database)', async () => {
    const stream = await openEvents(deskB);
    try {
      await stream.next(isChange);
      const [result] = pushResponseSchema.parse(
        (await deskA.push([mutation({ changed: newPatient() })])).json(),
      ).results;
      const version = result!.status === 'applied' ? result!.version : -1;
      const event = await stream.next((e) => isChange(e) && seqOf(e) === version, hangGuardMs);
      expect(seqOf(event)).toBe(version);
    } finally {
      stream.close();
    }
  });

  it('sends no event for a push that changed nothing', async () => {
    const stream = await openEvents(deskA);
    try {
      await stream.next(isChange);
      await deskA.push([mutation({ table: 'nope', changed: { a: 1 } })]);
      // Proven by order, not by waiting: the next event the stream carries is the real change's.
      const [result] = pushResponseSchema.parse(
        (await deskA.push([mutation({ changed: newPatient() })])).json(),
      ).results;
      const version = result!.status === 'applied' ? result!.version : -1;
      expect(seqOf(await stream.next(isChange, hangGuardMs))).toBe(version);
    } finally {
      stream.close();
    }
  });

  it('sends a heartbeat comment on a quiet stream', async () => {
    const stream = await openEvents(deskB);
    try {
      expect(await stream.next((e) => e.comment === 'heartbeat', hangGuardMs)).toEqual({ comment: 'heartbeat' });
    } finally {
      stream.close();
    }
  });

  it('ends open streams when the server closes', async () => {
    const extra = await startTestServer(testDb.db);
    const stream = await openEvents(deskA.via(extra));
    await stream.next(isChange);
    await extra.close();
    // The desk's side never aborts this stream: it ends only because the server ended it.
    await stream.ended;
  });
});
