/**
 * `npx tsx bench/sync-server.bench.ts`: the central server alone, over HTTP with signed requests.
 * Push throughput (mutations/s, every mutation its own transaction behind the change-log lock)
 * for C desks pushing at once through two instances, then pull and snapshot throughput (rows/s).
 * On PostgreSQL when DATABASE_URL is set (a scratch database is made and dropped), else PGlite.
 * BENCH_SERVER_MUTATIONS=N, BENCH_SERVER_DESKS=C. Never part of `npm test`.
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
  startTestServer,
} from '../test/server/support/test-server';
import { machine, printTable, writeResults } from './lib/stats';

const total = Number(process.env.BENCH_SERVER_MUTATIONS ?? 20_000);
const deskCount = Number(process.env.BENCH_SERVER_DESKS ?? 4);
const batch = 500;

const testDb = await openTestDb();
const secondDb: Knex = testDb.url ? await openServerDb({ databaseUrl: testDb.url }) : testDb.db;
const servers = [await startTestServer(testDb.db), await startTestServer(secondDb)];
try {
  const desks = await Promise.all(
    Array.from({ length: deskCount }, (_, i) =>
      enrolTestDevice(testDb.db, servers[0]!, `bench ${i}`).then((d) => d.via(servers[i % 2]!)),
    ),
  );
  const perDesk = Math.ceil(total / deskCount);

  let started = performance.now();
  await Promise.all(
    desks.map(async (desk) => {
      for (let done = 0; done < perDesk; done += batch) {
        const mutations = Array.from({ length: Math.min(batch, perDesk - done) }, () =>
          mutation({ changed: newPatient() }),
        );
        const reply = await desk.push(mutations);
        const results = pushResponseSchema.parse(reply.json()).results;
        if (results.some((r) => r.status !== 'applied')) throw new Error('a bench mutation was not applied');
      }
    }),
  );
  const pushSeconds = (performance.now() - started) / 1000;
  const applied = perDesk * deskCount;

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
      measure: `push, ${deskCount} desks via 2 instances`,
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
  process.stdout.write(`Database: ${onPostgres ? 'PostgreSQL' : 'PGlite (embedded)'}\n`);
  printTable(rows);
  const path = writeResults('sync-server', {
    machine: machine(),
    database: onPostgres ? 'postgresql' : 'pglite',
    rows,
  });
  process.stdout.write(`\nfigures: ${path}\n`);
} finally {
  for (const server of servers) await server.close();
  if (secondDb !== testDb.db) await secondDb.destroy();
  await testDb.cleanup();
}
