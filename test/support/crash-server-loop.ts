import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { z } from 'zod';
import { pushOutbox } from '../../electron/sync/push-outbox';
import { openServerDb } from '../../server/db/open';
import { seeded } from '../shared/domain/identifiers/reference-identifiers';
import { openTestDb, testBlobKey } from '../server/support/test-server';
import { createPatientAt, editPatient, freePort, openSyncDesk, type SyncDesk } from '../sync/sync-harness';
import { elapsed, startCrashChild, type CrashChild } from './crash-child';
import { crashWritePhone, crashWriteSnils, crashWriteSurname } from './crash-writes';
import { draft } from './fixtures';

const serverEntry = 'test/support/crash-server.ts';

/** What the server's crash loop saw: the figures the suite asserts and the bench prints. */
export interface ServerCrashReport {
  database: 'pglite' | 'postgres';
  seed: number;
  kills: number;
  /** Mutations the desk saw answered `applied` before a kill. */
  appliedSeen: number;
  /** Mutations the desk pushed in all (each retried with the same id until answered). */
  mutations: number;
  /** Pushes cut by a kill (no answer reached the desk). */
  pushesCut: number;
  /**
   * Mutations the server committed whose answer the kill cut off: the desk pushed them again with
   * the same ids after the restart, and the server answered without a second change.
   */
  committedUnanswered: number;
  /** Applied mutations missing from the change log after a restart: always 0, or the loop throws first. */
  lost: number;
  /** Mutations in the change log more than once, or seqs repeated: always 0, or the loop throws first. */
  duplicated: number;
  changeLogRows: number;
  elapsedMs: number;
}

/** The server's database, as the loop holds it between the server's lives. */
interface Durable {
  database: 'pglite' | 'postgres';
  env: Record<string, string>;
  /** Opens it in this process (the server being dead): PGlite's folder, or a pool on the PostgreSQL database. */
  open(): Promise<Knex>;
  cleanup(): Promise<void>;
}

async function durableDatabase(database: 'pglite' | 'postgres'): Promise<Durable> {
  if (database === 'postgres') {
    const testDb = await openTestDb();
    if (!testDb.url) throw new Error('PostgreSQL needs DATABASE_URL');
    await testDb.db.destroy();
    const url = testDb.url;
    return {
      database,
      env: { CRASH_SERVER_DB_URL: url },
      open: () => openServerDb({ databaseUrl: url, poolMax: 2 }),
      cleanup: () => testDb.cleanup().catch(() => undefined),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'medcard-crash-server-'));
  const dataDir = join(dir, 'pgdata');
  return {
    database,
    env: { CRASH_SERVER_DATA: dataDir },
    open: () => openServerDb({ dataDir }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * G4, issue 15 item 3, the server's side: the server (a child process, on PGlite's folder or on
 * PostgreSQL) is killed with SIGKILL while a desk pushes in bursts, and restarted. After each
 * restart every mutation the desk saw answered `applied` is in the change log exactly once, and
 * no seq repeats; the desk's retries carry the same mutation ids, so at the end every mutation it
 * ever pushed is there exactly once. `seed` chooses the bursts and delays (printed through `log`).
 */
export async function runServerCrashLoop(options: {
  kills: number;
  seed: number;
  database: 'pglite' | 'postgres';
  maxDelayMs?: number;
  log?: (line: string) => void;
}): Promise<ServerCrashReport> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  log(`server crash loop on ${options.database}: seed ${options.seed}, ${options.kills} kills`);
  const random = seeded(options.seed);
  const report: ServerCrashReport = {
    database: options.database,
    seed: options.seed,
    kills: 0,
    appliedSeen: 0,
    mutations: 0,
    pushesCut: 0,
    committedUnanswered: 0,
    lost: 0,
    duplicated: 0,
    changeLogRows: 0,
    elapsedMs: 0,
  };
  const durable = await durableDatabase(options.database);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...durable.env, CRASH_BLOB_KEY: testBlobKey.toString('hex'), CRASH_PORT: String(port) };
  let server: CrashChild | undefined;
  let desk: SyncDesk | undefined;
  const applied = new Set<string>();
  const pushed = new Set<string>();
  try {
    server = startCrashChild(serverEntry, { ...env, CRASH_ENROL_CODE: '1' });
    const { enrolCode: code } = z.object({ enrolCode: z.string() }).parse(JSON.parse(await server.ready));
    desk = await openSyncDesk({ url, enrolCode: async () => code }, 'crash-push-desk');
    // The desk's answers, seen at the transport: what it was told was applied.
    const transport = desk.transport;
    const inner = transport.push;
    let pushesThisLife = 0;
    let onPush = (): void => undefined;
    transport.push = async (mutations, sessions) => {
      pushesThisLife += 1;
      onPush();
      for (const mutation of mutations) pushed.add(mutation.mutationId);
      const results = await inner(mutations, sessions);
      for (const result of results) if (result.status === 'applied') applied.add(result.mutationId);
      return results;
    };
    let n = 0;
    const unansweredBefore = new Set<string>();
    for (let run = 0; run < options.kills; run += 1) {
      // The kill falls inside the server's life at a push: after the first few pushes (1 to 3) were
      // sent, a random delay later — before, during or after that push's transaction.
      const afterPushes = 1 + Math.floor(random() * 3);
      const delayMs = Math.floor(random() * (options.maxDelayMs ?? 300));
      const live = server;
      let killed = false;
      pushesThisLife = 0;
      const kill = new Promise<void>((done) => {
        onPush = () => {
          if (pushesThisLife === afterPushes) setTimeout(done, delayMs);
        };
      }).then(async () => {
        killed = true;
        await live.kill();
      });
      // Bursts of writes, each pushed at once, until the kill cuts a push.
      const writing = (async () => {
        while (!killed) {
          const burst = 1 + Math.floor(random() * 20);
          for (let i = 0; i < burst; i += 1) await writeOne(desk, random, n++);
          try {
            await pushOutbox(desk.store, transport);
          } catch (error) {
            if (!killed) throw error;
            report.pushesCut += 1;
          }
        }
      })();
      await Promise.all([kill, writing]);
      report.kills += 1;
      const check = await checkChangeLog(durable, applied);
      report.changeLogRows = check.rows;
      report.appliedSeen = applied.size;
      const unanswered = [...pushed].filter((id) => !applied.has(id) && check.ids.has(id) && !unansweredBefore.has(id));
      report.committedUnanswered += unanswered.length;
      for (const id of unanswered) unansweredBefore.add(id);
      log(
        `${elapsed(started)} kill ${run + 1}, ${delayMs} ms after push ${afterPushes}: ${applied.size} applied seen, ` +
          `${check.rows} in the change log, ${check.desk} of them applied ones, each once; ` +
          `${unanswered.length} committed but unanswered`,
      );
      server = startCrashChild(serverEntry, env);
      await server.ready;
    }
    // The desk's retries after the last restart: the same ids, answered without a second change.
    const final = await pushOutbox(desk.store, transport);
    if (final.refused > 0) throw new Error(`the server refused ${final.refused} of the desk's retries`);
    const left = desk.count('sync_outbox');
    if (left !== 0) throw new Error(`${left} outbox entries left after the final push`);
    await server.stop();
    server = undefined;
    const check = await checkChangeLog(durable, pushed);
    report.changeLogRows = check.rows;
    if (check.desk !== pushed.size) throw new Error(`${check.desk} changes for ${pushed.size} mutations pushed`);
    report.appliedSeen = applied.size;
    report.mutations = pushed.size;
  } finally {
    await server?.kill().catch(() => undefined);
    await desk?.cleanup();
    await durable.cleanup();
  }
  report.elapsedMs = Math.round(performance.now() - started);
  return report;
}

/** One write at the desk: a new patient, or (one time in three) a change of a known one's phone. */
async function writeOne(desk: SyncDesk, random: () => number, n: number): Promise<void> {
  const known = desk.store.read((tx) => tx.get<{ id: string }>('SELECT id FROM patients ORDER BY random() LIMIT 1'));
  if (known && random() < 1 / 3) return editPatient(desk, known.id, { phone: crashWritePhone(n) });
  await createPatientAt(
    desk,
    draft({ surname: crashWriteSurname(n), snils: crashWriteSnils(n), phone: crashWritePhone(n) }),
  );
}

/**
 * Opens the database the killed server left (PGlite recovering its folder, as the next start
 * would) and checks the change log: every id in `mustHave` there exactly once, no mutation id and
 * no seq twice.
 */
async function checkChangeLog(
  durable: Durable,
  mustHave: ReadonlySet<string>,
): Promise<{ rows: number; desk: number; ids: Set<string> }> {
  const db = await durable.open();
  try {
    const rows = await db('change_log').select<{ seq: string; mutation_id: string | null }[]>('seq', 'mutation_id');
    const seqs = new Set(rows.map((row) => String(row.seq)));
    if (seqs.size !== rows.length) throw new Error(`${rows.length - seqs.size} seqs repeated in the change log`);
    const times = new Map<string, number>();
    for (const row of rows) if (row.mutation_id) times.set(row.mutation_id, (times.get(row.mutation_id) ?? 0) + 1);
    for (const [id, count] of times)
      if (count > 1) throw new Error(`mutation ${id} is in the change log ${count} times`);
    for (const id of mustHave) if (!times.has(id)) throw new Error(`an applied mutation is lost: ${id}`);
    return {
      rows: rows.length,
      desk: [...times.keys()].filter((id) => mustHave.has(id)).length,
      ids: new Set(times.keys()),
    };
  } finally {
    await db.destroy();
  }
}
