/**
 * `npm run bench:sync` (issue 3, item 11): a new desk's first sync of 1,000,000 patients, beside
 * the plain bulk-insert limit of the same encrypted store; change propagation latency with 20
 * desks; the server's applied mutations/s. On PostgreSQL when DATABASE_URL is set, else PGlite.
 * BENCH_SYNC_ROWS=N for a smaller run. Never part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { createEnrolCode } from '../server/devices/enrol-codes';
import { openTestDb } from '../test/server/support/test-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticPatients } from '../electron/demo/synthetic-patients';
import { ensureWorkstation } from '../electron/core/workstation';
import { openStore } from '../electron/store/open-store';
import { firstSync } from '../electron/sync/pull-changes';
import { startSyncLoop, type SyncLoop } from '../electron/sync/sync-loop';
import { patientDraftSchema } from '../shared/domain/patient';
import { searchFold } from '../shared/domain/person-name';
import { createPatientAt, openSyncDesk, patientsOf, startSyncServer, type SyncDesk } from '../test/sync/sync-harness';
import { draft, validSnils } from '../test/support/fixtures';
import { machine, ms, printTable, summarize, writeResults } from './lib/stats';
import { rawTx } from '../electron/store/raw-tx';

const rows = Number(process.env.BENCH_SYNC_ROWS ?? 1_000_000);
const deskCount = Number(process.env.BENCH_SYNC_DESKS ?? 20);
const changes = Number(process.env.BENCH_SYNC_CHANGES ?? 100);

function patientRow(
  input: ReturnType<typeof patientDraftSchema.parse>,
  at: string,
): Record<string, string | number | null> {
  return {
    surname: input.surname,
    name: input.name,
    patronymic: input.patronymic,
    birth_date: input.birthDate,
    sex: input.sex,
    foreign_citizen: input.foreign ? 1 : 0,
    snils: input.snils,
    enp: input.enp,
    inn: input.inn,
    phone: input.phone,
    email: input.email,
    surname_fold: searchFold(input.surname),
    name_fold: searchFold(input.name),
    patronymic_fold: searchFold(input.patronymic ?? ''),
    deleted_at: null,
    created_at: at,
    created_by: 'bench',
    updated_at: at,
    updated_by: 'bench',
    device_id: 'bench',
  };
}

function* dataset(): Generator<{ id: string; data: Record<string, string | number | null> }> {
  const at = new Date().toISOString();
  for (const input of syntheticPatients({ seed: 7, count: rows, today: '2026-11-25' })) {
    yield { id: randomUUID(), data: patientRow(patientDraftSchema.parse(input), at) };
  }
}

async function bulkInsertLimit(dir: string): Promise<{ seconds: number; perSecond: number }> {
  const store = await openStore({ path: join(dir, 'bulk.db'), key: randomBytes(32), create: true });
  const started = performance.now();
  let batch: { id: string; data: Record<string, string | number | null> }[] = [];
  const flush = () =>
    store.transaction((tx) => {
      for (const row of batch) {
        const names = ['id', 'version', ...Object.keys(row.data)];
        rawTx(tx).run(`INSERT INTO patients (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, [
          row.id,
          1,
          ...Object.values(row.data),
        ]);
      }
      batch = [];
    });
  for (const row of dataset()) {
    batch.push(row);
    if (batch.length === 10_000) flush();
  }
  flush();
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return { seconds, perSecond: Math.round(rows / seconds) };
}

/**
 * On PostgreSQL the server runs in a process of its own, as in a clinic, so that the desk and
 * the server do not share one event loop; on PGlite (one process only) it runs in this one.
 */
async function serverUnderTest(): Promise<{
  url: string;
  db: Knex;
  enrolCode(): Promise<string>;
  stop(): Promise<void>;
}> {
  if (!process.env.DATABASE_URL) return startSyncServer();
  const testDb = await openTestDb();
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: testDb.url,
      MEDCARD_SERVER_PORT: String(port),
      MEDCARD_SERVER_BLOB_KEY: randomBytes(32).toString('hex'),
      MEDCARD_SERVER_RATE_LIMIT: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 300) throw new Error('the server process did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    db: testDb.db,
    enrolCode: async () => (await createEnrolCode(testDb.db, { now: new Date() })).code,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await testDb.cleanup();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'medcard-bench-sync-'));
  const server = await serverUnderTest();
  try {
    process.stderr.write(`seeding the server with ${rows} patients…\n`);
    let seq = 0;
    let batch: Record<string, unknown>[] = [];
    let log: Record<string, unknown>[] = [];
    const flush = async () => {
      await server.db.batchInsert('records', batch, 2000);
      await server.db.batchInsert('change_log', log, 2000);
      batch = [];
      log = [];
    };
    const now = new Date();
    for (const row of dataset()) {
      seq += 1;
      const data = JSON.stringify(row.data);
      const fieldVersions = JSON.stringify(Object.fromEntries(Object.keys(row.data).map((field) => [field, seq])));
      batch.push({
        table_name: 'patients',
        id: row.id,
        version: seq,
        data,
        field_versions: fieldVersions,
        updated_at: now,
      });
      log.push({ seq, table_name: 'patients', row_id: row.id, version: seq, data, at: now });
      if (batch.length === 10_000) await flush();
    }
    await flush();
    await server.db.raw("SELECT setval(pg_get_serial_sequence('change_log', 'seq'), ?)", [seq]);

    process.stderr.write('bulk insert limit…\n');
    const bulk = await bulkInsertLimit(dir);

    process.stderr.write('first sync…\n');
    const fresh = await openSyncDesk(server, 'fresh-desk');
    const started = performance.now();
    await firstSync(fresh.store, fresh.transport, ensureWorkstation(fresh.store, new Date()), (progress) => {
      if (progress && progress.done % 100_000 === 0) process.stderr.write(`\r  ${progress.done} / ${progress.total}`);
    });
    const syncSeconds = (performance.now() - started) / 1000;
    process.stderr.write('\n');
    const synced = fresh.count('patients');
    await fresh.cleanup();
    if (synced !== rows) throw new Error(`first sync brought ${synced} of ${rows} rows`);

    process.stderr.write(`propagation with ${deskCount} desks…\n`);
    const desks: SyncDesk[] = [];
    for (let i = 0; i < deskCount; i++) desks.push(await openSyncDesk(server, `desk-${i}`));
    // These desks skip the million-row snapshot: they start from the log's end.
    for (const desk of desks)
      desk.store.transaction((tx) =>
        rawTx(tx).run("INSERT INTO settings (key, value) VALUES ('sync.cursor', ?)", [String(seq)]),
      );
    const loops: SyncLoop[] = desks.map((desk) =>
      startSyncLoop({
        store: desk.store,
        transport: desk.transport,
        actor: desk.ctx.actor,
        onState: (s) =>
          process.env.BENCH_DEBUG && process.stderr.write(`${desk.name} ${s.status} ${s.error?.message.en ?? ''}\n`),
        minBackoffMs: 100,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const latencies: number[] = [];
    for (let i = 0; i < changes; i++) {
      const author = desks[i % deskCount] as SyncDesk;
      const reader = desks[(i + 1 + (i % (deskCount - 1))) % deskCount] as SyncDesk;
      const id = await createPatientAt(
        author,
        draft({ surname: 'Замерова', snils: validSnils(String(800_000_000 + i * 7)) }),
      );
      const t = performance.now();
      (loops[i % deskCount] as SyncLoop).poke();
      while (!reader.store.transaction((tx) => tx.get('SELECT 1 FROM patients WHERE id = ?', [id]))) {
        if (performance.now() - t > 10_000) {
          const cursor = reader.store.transaction((tx) =>
            tx.get("SELECT value FROM settings WHERE key = 'sync.cursor'"),
          );
          const outbox = author.store.transaction((tx) => tx.all('SELECT * FROM sync_outbox'));
          const log = await server.db('change_log').where({ row_id: id }).select('seq');
          throw new Error(`a change took over 10 s to arrive: ${JSON.stringify({ cursor, outbox, log })}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      latencies.push(performance.now() - t);
    }
    await Promise.all(loops.map((loop) => loop.stop()));
    const converged = desks.every((desk) => patientsOf(desk).length === changes);

    process.stderr.write('server throughput…\n');
    const pushers = desks.slice(0, 8);
    for (const desk of pushers) {
      desk.store.transaction((tx) => rawTx(tx).run("DELETE FROM settings WHERE key = 'sync.cursor'"));
    }
    const perDesk = 250;
    for (const [n, desk] of pushers.entries()) {
      for (let i = 0; i < perDesk; i++)
        await createPatientAt(
          desk,
          draft({ surname: 'Потокова', snils: validSnils(String(900_000_000 + n * 10_000 + i * 7)) }),
        );
    }
    const pushStarted = performance.now();
    const { pushOutbox } = await import('../electron/sync/push-outbox');
    await Promise.all(pushers.map((desk) => pushOutbox(desk.store, desk.transport)));
    const pushSeconds = (performance.now() - pushStarted) / 1000;
    for (const desk of desks) await desk.cleanup();

    const latency = summarize(latencies);
    const results = {
      machine: machine(),
      database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
      firstSync: { rows, seconds: syncSeconds, perSecond: Math.round(rows / syncSeconds) },
      bulkInsert: bulk,
      ratio: syncSeconds / bulk.seconds,
      propagation: { desks: deskCount, changes, ...latency, converged },
      server: {
        mutations: pushers.length * perDesk,
        concurrentDesks: pushers.length,
        seconds: pushSeconds,
        perSecond: Math.round((pushers.length * perDesk) / pushSeconds),
      },
    };
    printTable([
      {
        measure: `first sync of ${rows} patients`,
        value: `${results.firstSync.perSecond} rows/s`,
        note: `${syncSeconds.toFixed(1)} s`,
      },
      {
        measure: 'bulk insert, same encrypted store',
        value: `${bulk.perSecond} rows/s`,
        note: `${bulk.seconds.toFixed(1)} s`,
      },
      { measure: 'first sync / bulk insert (time)', value: results.ratio.toFixed(2), note: 'goal ≤ 3' },
      {
        measure: `change visible on another desk (${deskCount} desks), p50`,
        value: `${ms(latency.p50)} ms`,
        note: `${changes} changes`,
      },
      {
        measure: `change visible on another desk (${deskCount} desks), p95`,
        value: `${ms(latency.p95)} ms`,
        note: 'goal < 1000',
      },
      {
        measure: `server applied mutations/s (${results.database})`,
        value: String(results.server.perSecond),
        note: `${pushers.length} desks pushing at once`,
      },
    ]);
    process.stdout.write(`\nJSON: ${writeResults('sync', results)}\n`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
