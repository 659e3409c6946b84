/**
 * `npx tsx bench/sync-server.bench.ts`: the central server alone, over HTTP with signed requests
 * and proven mutations (each entry signed by its actor's session, the sessions verified by the
 * server). Push throughput (applied mutations/s; each push is one transaction behind the change-log
 * lock) for C desks pushing batches of 500 at once through two instances; meanwhile, propagation:
 * one of L listening desks pushes a single change and every other hears of it (SSE) and pulls it —
 * the time from the push to each desk having the row. Then pull and snapshot throughput (rows/s).
 * On PostgreSQL when DATABASE_URL is set (a scratch database is made and dropped), else PGlite.
 * BENCH_SERVER_MUTATIONS=N, BENCH_SERVER_DESKS=C, BENCH_SERVER_LISTENERS=L. Never part of `npm test`.
 */
import type { Knex } from 'knex';
import { openServerDb } from '../server/db/open';
import { pullResponseSchema, pushResponseSchema, snapshotResponseSchema } from '../shared/sync/protocol';
import {
  enrolTestDevice,
  mutation,
  newPatient,
  onPostgres,
  openTestDb,
  provenMutations,
  startTestServer,
  testBlobKey,
  type TestDevice,
  type TestSession,
} from '../test/server/support/test-server';
import { openChangeEvents, type ChangeEvents } from '../test/server/support/change-events';
import { startServerProcess } from './lib/server-processes';
import { machine, printTable, summarize, writeResults } from './lib/stats';

const total = Number(process.env.BENCH_SERVER_MUTATIONS ?? 40_000);
const deskCount = Number(process.env.BENCH_SERVER_DESKS ?? 8);
const listenerCount = Number(process.env.BENCH_SERVER_LISTENERS ?? 20);
const batch = 500;

const testDb = await openTestDb();
// On PostgreSQL each instance is a process of its own (bench/lib/server-process.ts), so what is
// timed is the servers' work, not this process's desks; on PGlite (embedded) they share this one.
const ownProcesses = testDb.url !== undefined && process.env.BENCH_SERVER_IN_PROCESS !== '1';
const secondDb: Knex = testDb.url && !ownProcesses ? await openServerDb({ databaseUrl: testDb.url }) : testDb.db;
const servers = ownProcesses
  ? [await startServerProcess(testDb.url!, testBlobKey), await startServerProcess(testDb.url!, testBlobKey)]
  : [await startTestServer(testDb.db), await startTestServer(secondDb)];
const streams: ChangeEvents[] = [];

/** A desk's pull from `since` until it has the row: its cursor after. */
async function pullUntil(desk: TestDevice, since: number, rowId: string): Promise<number> {
  let cursor = since;
  for (;;) {
    const page = pullResponseSchema.parse((await desk.get(`/v1/sync/pull?since=${cursor}&limit=1000`)).json());
    cursor = page.cursor;
    if (page.changes.some((change) => change.rowId === rowId)) return cursor;
    if (!page.hasMore) return cursor;
  }
}

try {
  const enrol = (name: string, i: number) =>
    enrolTestDevice(testDb.db, servers[0]!, name).then((d) => d.via(servers[i % 2]!));
  const desks: TestDevice[] = [];
  for (let i = 0; i < deskCount; i += 1) desks.push(await enrol(`bench ${i}`, i));
  const listeners: TestDevice[] = [];
  for (let i = 0; i < listenerCount; i += 1) listeners.push(await enrol(`listener ${i}`, i));
  for (const listener of listeners) streams.push(await openChangeEvents(listener));
  const cursors = listeners.map(() => 0);
  const perDesk = Math.ceil(total / deskCount);

  /** One probe: a listening desk pushes a change; the time until every other listener has pulled it. */
  const probe = async (into: number[]): Promise<void> => {
    const rowId = mutation({ changed: newPatient() }).rowId;
    const sentAt = performance.now();
    const reply = await listeners[0]!.push([mutation({ rowId, changed: newPatient() })]);
    const [result] = pushResponseSchema.parse(reply.json()).results;
    if (result?.status !== 'applied') throw new Error('a probe was not applied');
    await Promise.all(
      listeners.slice(1).map(async (listener, i) => {
        await streams[i + 1]!.reach(result.version);
        cursors[i + 1] = await pullUntil(listener, cursors[i + 1]!, rowId);
        into.push(performance.now() - sentAt);
      }),
    );
  };
  // The desks' work is done before the clock starts: every entry signed by its actor's session
  // and every batch serialised, so the timed phase is the server's (plus one request signature
  // per push and the HTTP round trip).
  const prepared = desks.map((desk) => {
    const sessions = new Map<string, TestSession>();
    const bodies: Buffer[] = [];
    for (let done = 0; done < perDesk; done += batch) {
      const mutations = Array.from({ length: Math.min(batch, perDesk - done) }, () =>
        mutation({ changed: newPatient() }),
      );
      bodies.push(Buffer.from(JSON.stringify(provenMutations(desk.id, mutations, sessions))));
    }
    return bodies;
  });

  // Propagation probes, one at a time, for as long as the desks push.
  const underLoad: number[] = [];
  let pushing = true;
  const probing = (async () => {
    while (pushing) await probe(underLoad);
  })();

  let started = performance.now();
  await Promise.all(
    desks.map(async (desk, d) => {
      for (const body of prepared[d]!) {
        const reply = await desk.send('POST', '/v1/sync/push', { raw: body, contentType: 'application/json' });
        const results = pushResponseSchema.parse(reply.json()).results;
        if (results.some((r) => r.status !== 'applied')) throw new Error(`not applied: ${JSON.stringify(results[0])}`);
      }
    }),
  );
  const pushSeconds = (performance.now() - started) / 1000;
  pushing = false;
  await probing;
  const applied = perDesk * deskCount;
  // And with the server otherwise idle: what a desk sees on an ordinary day.
  const quiet: number[] = [];
  for (let i = 0; i < 30; i += 1) await probe(quiet);

  started = performance.now();
  let cursor = 0;
  let pulled = 0;
  for (;;) {
    const page = pullResponseSchema.parse((await desks[0]!.get(`/v1/sync/pull?since=${cursor}&limit=1000`)).json());
    pulled += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const pullSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  let after: string | null = null;
  let upTo: number | null = null;
  let snapshotRows = 0;
  do {
    const query: string = `limit=1000${after ? `&after=${after}` : ''}${upTo === null ? '' : `&upTo=${upTo}`}`;
    const page = snapshotResponseSchema.parse((await desks[0]!.get(`/v1/sync/snapshot?${query}`)).json());
    snapshotRows += page.rows.length;
    after = page.after;
    upTo = page.upTo;
  } while (after !== null);
  const snapshotSeconds = (performance.now() - started) / 1000;

  const rows = [
    {
      measure: `push (proven), ${deskCount} desks via 2 instances, batches of ${batch}`,
      count: applied,
      seconds: pushSeconds.toFixed(1),
      perSecond: Math.round(applied / pushSeconds),
    },
    {
      measure: 'pull, pages of 1000',
      count: pulled,
      seconds: pullSeconds.toFixed(1),
      perSecond: Math.round(pulled / pullSeconds),
    },
    {
      measure: 'snapshot, pages of 1000',
      count: snapshotRows,
      seconds: snapshotSeconds.toFixed(1),
      perSecond: Math.round(snapshotRows / snapshotSeconds),
    },
  ];
  const latency = [
    { phase: `quiet, ${listenerCount} desks`, samples: quiet },
    { phase: `during the push load, ${listenerCount} desks`, samples: underLoad },
  ].map(({ phase, samples }) => {
    const spread = summarize(samples);
    return {
      measure: `propagation push → SSE → pull, ${phase}`,
      n: spread.n,
      p50ms: spread.p50.toFixed(0),
      p95ms: spread.p95.toFixed(0),
      maxms: spread.max.toFixed(0),
    };
  });
  process.stdout.write(`Database: ${onPostgres ? 'PostgreSQL' : 'PGlite (embedded)'}\n`);
  printTable(rows);
  process.stdout.write('\n');
  printTable(latency);
  const path = writeResults('sync-server', {
    machine: machine(),
    database: onPostgres ? 'postgresql' : 'pglite',
    rows,
    latency,
  });
  process.stdout.write(`\nfigures: ${path}\n`);
} finally {
  for (const stream of streams) stream.close();
  for (const server of servers) await server.close();
  if (secondDb !== testDb.db) await secondDb.destroy();
  await testDb.cleanup();
}
