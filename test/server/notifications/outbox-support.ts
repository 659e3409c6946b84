import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import { afterAll, beforeAll } from 'vitest';
import { defaultClinicId } from '../../../server/clinics/clinics';
import { startNotificationWorker, type NotificationWorkerDeps } from '../../../server/notifications/worker';
import { openTestDb, type TestDb } from '../support/test-server';

/** A logger that keeps every line it was given, to check what the worker says (and never says). */
export function recordingLogger(): { log: FastifyBaseLogger; lines: string[] } {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (...args: unknown[]): void => {
      lines.push(
        `${level} ${JSON.stringify(args, (_key, value: unknown) => (value instanceof Error ? value.message : value))}`,
      );
    };
  const log = {
    level: 'info',
    fatal: record('fatal'),
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
    trace: record('trace'),
    silent: () => {},
    child: () => log,
  };
  return { log: log as unknown as FastifyBaseLogger, lines };
}

/** A clock the test moves (backoff, leases): starts at the real time. */
export function testClock(): { now: () => Date; advance(ms: number): void } {
  let at = Date.now();
  return { now: () => new Date(at), advance: (ms) => (at += ms) };
}

export interface OutboxRow {
  id: string;
  status: string;
  attempts: number;
  params: unknown;
  last_error: string | null;
  next_attempt_at: Date;
  provider_id: string | null;
}

export async function outboxRow(db: Knex, id: string): Promise<OutboxRow> {
  const row = await db('notification_outbox').where({ id }).first<OutboxRow | undefined>();
  if (!row) throw new Error(`no outbox row ${id}`);
  return { ...row, attempts: Number(row.attempts), next_attempt_at: new Date(row.next_attempt_at) };
}

/** Polls the row until `predicate` holds (the worker runs on its own). */
export async function waitForRow(db: Knex, id: string, predicate: (row: OutboxRow) => boolean): Promise<OutboxRow> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const row = await outboxRow(db, id);
    if (predicate(row)) return row;
    if (Date.now() > deadline) throw new Error(`outbox row ${id} stayed ${row.status} (attempts ${row.attempts})`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

/** A database of the file's own, with its default clinic. */
export function useOutboxDb(): { readonly db: Knex; readonly clinicId: string } {
  let testDb: TestDb | undefined;
  let clinicId = '';
  beforeAll(async () => {
    testDb = await openTestDb();
    clinicId = await defaultClinicId(testDb.db);
  }, 60_000);
  afterAll(async () => {
    await testDb?.cleanup();
  }, 60_000);
  return {
    get db() {
      if (!testDb) throw new Error('useOutboxDb: opened in beforeAll');
      return testDb.db;
    },
    get clinicId() {
      return clinicId;
    },
  };
}

/** A worker that polls often (tests wait on it, not on a clock); stopped by the caller. */
export function startTestWorker(
  deps: Omit<NotificationWorkerDeps, 'now'> & { now?: () => Date },
  log: FastifyBaseLogger = recordingLogger().log,
): ReturnType<typeof startNotificationWorker> {
  return startNotificationWorker({ pollMs: 50, now: () => new Date(), ...deps }, log);
}
