/**
 * `npm run bench:applications`: the central server's application submission (issue 11, item 9),
 * over HTTP as the cabinet's page makes it — `POST /api/cabinet/applications` with the session
 * cookie, the CSRF token and the simple e-signature's code: the code checked (HMAC), the consent,
 * the numbered application, its deadline from the production calendar, two journal events and the
 * notice, in one transaction behind the change-log lock. N accounts (each linked to a card pushed
 * by a desk) each submit once, C at a time. On PostgreSQL when DATABASE_URL is set (a scratch
 * database is made and dropped), else PGlite. BENCH_APPLICATIONS=N (2,000), BENCH_APPLICATION_CLIENTS=C
 * (4). Never part of `npm test`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { v7 as uuidv7 } from 'uuid';
import { issueCode } from '../server/cabinet/accounts/one-time-codes';
import { cabinetApiPrefix, cabinetPaths } from '../shared/cabinet/cabinet-api';
import { pushResponseSchema } from '../shared/sync/protocol';
import { cabinetOptions, signedInAccount, type CabinetUploader } from '../test/server/cabinet/uploads/cabinet-uploader';
import {
  enrolTestDevice,
  mutation,
  newPatient,
  onPostgres,
  openTestDb,
  startTestServer,
} from '../test/server/support/test-server';
import { machine, printTable, summarize, writeResults } from './lib/stats';

const total = Number(process.env.BENCH_APPLICATIONS ?? 2_000);
const clients = Number(process.env.BENCH_APPLICATION_CLIENTS ?? 4);
const ms = (value: number) => Math.round(value * 10) / 10;

const mailDrop = mkdtempSync(join(tmpdir(), 'medcard-bench-applications-'));
const testDb = await openTestDb();
const { db } = testDb;
const server = await startTestServer(db, { cabinet: cabinetOptions(mailDrop) });
try {
  const load = { before: loadavg()[0] ?? 0, after: 0 };
  // The cards, pushed by a desk in batches of 500 as its outbox would.
  const desk = await enrolTestDevice(db, server);
  const patientIds: string[] = [];
  for (let start = 0; start < total; start += 500) {
    const batch = Array.from({ length: Math.min(500, total - start) }, () => {
      const id = uuidv7();
      patientIds.push(id);
      return mutation({ rowId: id, changed: newPatient(), at: new Date().toISOString() });
    });
    const results = pushResponseSchema.parse((await desk.push(batch)).json()).results;
    if (results.some((result) => result.status !== 'applied')) throw new Error('the cards were not all applied');
  }
  // Each account signed in, its signature code issued (as `applicationSignatureSend` does).
  const people: { who: CabinetUploader; code: string }[] = [];
  for (const patientId of patientIds) {
    const who = await signedInAccount(db, patientId);
    const code = await issueCode(db, {
      accountId: who.accountId,
      purpose: 'signature',
      channel: 'sms',
      ttlMs: 3_600_000,
    });
    people.push({ who, code });
  }

  const samples: number[] = [];
  const url = `${server.origin}${cabinetApiPrefix}${cabinetPaths.applications}`;
  let next = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let index = next++; index < people.length; index = next++) {
        const { who, code } = people[index]!;
        const begun = process.hrtime.bigint();
        const response = await fetch(url, {
          method: 'POST',
          headers: { ...who.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ consentTextVersion: '1', consentAccepted: true, signatureCode: code }),
        });
        await response.arrayBuffer();
        samples.push(Number(process.hrtime.bigint() - begun) / 1e6);
        if (response.status !== 201) failed += 1;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  load.after = loadavg()[0] ?? 0;
  const stats = summarize(samples);
  const row = {
    database: onPostgres ? 'PostgreSQL' : 'PGlite',
    submissions: total,
    clients,
    failed,
    'per s': Math.round(total / seconds),
    'p50 ms': ms(stats.p50),
    'p95 ms': ms(stats.p95),
    'p99 ms': ms(stats.p99),
    'max ms': ms(stats.max),
    'load 1 min': `${load.before.toFixed(1)}–${load.after.toFixed(1)}`,
  };
  printTable([row]);
  process.stdout.write(
    `${writeResults('application-submit', { machine: machine(), total, clients, failed, seconds, stats, load })}\n`,
  );
  if (failed > 0) process.exitCode = 1;
} finally {
  await server.close();
  await testDb.cleanup();
  rmSync(mailDrop, { recursive: true, force: true });
}
