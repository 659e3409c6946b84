/**
 * `npm run bench:notifications`: the notification outbox's throughput (C5). N e-mails are queued
 * (transactions of 500, as callers enqueue: one row each), then W workers on the same database —
 * several server instances — send them through a real SMTP server in a child process (the test
 * mail sink) until every row is `sent`. Reported: queued/s, sent/s, and that the sink received
 * each message exactly once (distinct Message-IDs). The load average before and after is recorded.
 * On PostgreSQL when DATABASE_URL is set (a scratch database is made and dropped), else PGlite.
 * BENCH_NOTIFICATIONS=N (default 5,000), BENCH_NOTIFICATION_WORKERS=1,2 (runs). Never part of `npm test`.
 */
import { readFileSync } from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import { defaultClinicId } from '../server/clinics/clinics';
import { openServerDb } from '../server/db/open';
import { enqueueNotification } from '../server/notifications/enqueue';
import { startNotificationWorker } from '../server/notifications/worker';
import { startMailSink } from '../test/support/mail-sink';
import { openTestDb } from '../test/server/support/test-server';
import { machine, printTable, writeResults } from './lib/stats';

const total = Number(process.env.BENCH_NOTIFICATIONS ?? 5000);
const workerRuns = (process.env.BENCH_NOTIFICATION_WORKERS ?? '1,2').split(',').map(Number);
const mailFrom = '"Поликлиника" <noreply@clinic.test>';

const loadavg = (): string => readFileSync('/proc/loadavg', 'utf8').trim();
const quietLog = {
  level: 'warn',
  fatal: console.error,
  error: console.error,
  warn: console.error,
  info: () => {},
  debug: () => {},
  trace: () => {},
  silent: () => {},
  child: () => quietLog,
};
const log = quietLog as unknown as FastifyBaseLogger;

async function countSent(db: Knex): Promise<number> {
  const row = await db('notification_outbox')
    .where({ status: 'sent' })
    .count<{ count: string | number }[]>('* as count');
  return Number(row[0]?.count ?? 0);
}

async function main(): Promise<void> {
  const testDb = await openTestDb();
  const sink = await startMailSink();
  const extraPools: Knex[] = [];
  const rows: Record<string, string | number>[] = [];
  const loadBefore = loadavg();
  try {
    const clinicId = await defaultClinicId(testDb.db);
    for (const workers of workerRuns) {
      await testDb.db('notification_outbox').delete();
      const already = (await sink.messages()).length;
      const queuedAt = performance.now();
      for (let start = 0; start < total; start += 500) {
        await testDb.db.transaction(async (trx) => {
          for (let index = start; index < Math.min(total, start + 500); index += 1) {
            await enqueueNotification(trx, {
              clinicId,
              accountId: null,
              channel: 'email',
              to: `patient${index}@example.test`,
              template: 'application_received',
              params: { number: `З-26-П-${String(index).padStart(6, '0')}`, dueAt: '2026-12-10' },
            });
          }
        });
      }
      const queuedSeconds = (performance.now() - queuedAt) / 1000;

      // Each worker on a pool of its own on PostgreSQL, as separate instances would be.
      const pools = await Promise.all(
        Array.from({ length: workers }, async (_, index) => {
          if (!testDb.url || index === 0) return testDb.db;
          const pool = await openServerDb({ databaseUrl: testDb.url });
          extraPools.push(pool);
          return pool;
        }),
      );
      const cpuBefore = process.cpuUsage();
      const sendAt = performance.now();
      const running = pools.map((db) =>
        startNotificationWorker({ db, now: () => new Date(), transports: { smtpUrl: sink.smtpUrl, mailFrom } }, log),
      );
      while ((await countSent(testDb.db)) < total) await new Promise((done) => setTimeout(done, 100));
      const sendSeconds = (performance.now() - sendAt) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      await Promise.all(running.map((worker) => worker.stop()));

      const received = (await sink.messages()).slice(already);
      const distinct = new Set(received.map((mail) => mail.messageId)).size;
      rows.push({
        workers,
        messages: total,
        'queued/s': Math.round(total / queuedSeconds),
        'sent/s': Math.round(total / sendSeconds),
        'send s': sendSeconds.toFixed(1),
        'cpu s (bench+workers)': ((cpu.user + cpu.system) / 1e6).toFixed(1),
        received: received.length,
        distinct,
      });
    }
  } finally {
    await sink.stop();
    await Promise.all(extraPools.map((pool) => pool.destroy()));
    await testDb.cleanup();
  }
  const loadAfter = loadavg();
  printTable(rows);
  const where = testDb.url ? 'PostgreSQL' : 'PGlite';
  process.stdout.write(`database ${where}; load before ${loadBefore}; after ${loadAfter}\n`);
  const path = writeResults('notifications', { machine: machine(), database: where, loadBefore, loadAfter, rows });
  process.stdout.write(`${path}\n`);
}

await main();
