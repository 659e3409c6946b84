/**
 * `DATABASE_URL=postgres://… npm run bench:race`: booking throughput and latency on PostgreSQL
 * (issue 13, item 8). Two server instances, each a process of its own with the cabinet on, on one
 * scratch database; this process plays the clients. Half the bookers are desks (signed pushes of
 * `requested` rows, eight enrolled desks), half are cabinet patients (hold, then confirm, over
 * HTTP with real sessions). Two runs:
 *
 * - spread: N bookings of N different free times (two specialists over working days), C at a time;
 * - hot: H bookers of one time, all at once — exactly one may win, the rest are told it is taken.
 *
 * Reported: bookings/s (answers/s for the hot time), p50/p95 latency of a desk's push and of the
 * cabinet's hold + confirm, wins. PostgreSQL only (DATABASE_URL): the race is the database's.
 * BENCH_RACE_BOOKINGS=N (default 400), BENCH_RACE_CONCURRENCY=C (16), BENCH_RACE_HOT=H (100).
 * Never part of `npm test`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openServerDb } from '../server/db/open';
import { clinicTimeZone } from '../shared/appointments/schedule';
import { addDays, isoWeekday, localDate } from '../shared/appointments/local-time';
import { cabinetAppointmentPaths, holdSchema } from '../shared/cabinet/appointments-api';
import { pushResponseSchema } from '../shared/sync/protocol';
import { cabinetOptions, type CabinetBrowser } from '../test/server/cabinet/accounts/cabinet-browser';
import { signedInPatient } from '../test/server/cabinet/chart/chart-setup';
import { at, patientsOnServer, requested, scheduleOnServer } from '../test/server/appointments/appointment-setup';
import {
  enrolTestDevice,
  openTestDb,
  startTestServer,
  testBlobKey,
  type TestDevice,
  type TestServer,
} from '../test/server/support/test-server';
import { machine, ms, printTable, summarize, writeResults } from './lib/stats';

const loadavg = (): string => readFileSync('/proc/loadavg', 'utf8').trim();

/** The child: one server instance with the cabinet, on BENCH_RACE_DB; prints its origin, ends with stdin. */
async function serve(): Promise<void> {
  const db = await openServerDb({ databaseUrl: process.env.BENCH_RACE_DB! });
  const server = await startTestServer(db, {
    blobKey: Buffer.from(process.env.BENCH_RACE_KEY!, 'hex'),
    cabinet: cabinetOptions(),
  });
  process.stdout.write(`${JSON.stringify({ origin: server.origin })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void server
      .close()
      .then(() => db.destroy())
      .then(() => process.exit(0));
  });
}

async function instance(databaseUrl: string): Promise<TestServer> {
  const entry = fileURLToPath(import.meta.url);
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, entry], {
    env: {
      ...process.env,
      BENCH_RACE_SERVE: '1',
      BENCH_RACE_DB: databaseUrl,
      BENCH_RACE_KEY: testBlobKey.toString('hex'),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server process exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve((JSON.parse(line) as { origin: string }).origin),
    );
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    app: undefined as never,
    origin,
    close: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}

interface Booker {
  kind: 'desk' | 'cabinet';
  book(): Promise<boolean>;
}

interface Timed {
  kind: Booker['kind'];
  won: boolean;
  ms: number;
}

/** Runs the bookers `concurrency` at a time; each one's latency and outcome. */
async function run(bookers: readonly Booker[], concurrency: number): Promise<{ timed: Timed[]; seconds: number }> {
  const timed: Timed[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, bookers.length) }, async () => {
      for (let index = next++; index < bookers.length; index = next++) {
        const booker = bookers[index]!;
        const from = performance.now();
        const won = await booker.book();
        timed.push({ kind: booker.kind, won, ms: performance.now() - from });
      }
    }),
  );
  return { timed, seconds: (performance.now() - started) / 1000 };
}

/** The free times of two specialists, working day after working day, from a week ahead. */
function freeTimes(count: number, specialists: readonly string[]): Array<{ specialistId: string; startsAt: string }> {
  const hours: string[] = [];
  for (let minute = 9 * 60; minute < 17 * 60; minute += 20) {
    if (minute >= 13 * 60 && minute < 14 * 60) continue;
    hours.push(`${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
  }
  const times: Array<{ specialistId: string; startsAt: string }> = [];
  let day = addDays(localDate(new Date().toISOString(), clinicTimeZone), 7);
  while (times.length < count) {
    if (isoWeekday(day) <= 5) {
      for (const specialistId of specialists)
        for (const hhmm of hours) times.push({ specialistId, startsAt: at(day, hhmm) });
    }
    day = addDays(day, 1);
  }
  return times.slice(0, count);
}

async function main(): Promise<void> {
  const total = Number(process.env.BENCH_RACE_BOOKINGS ?? 400);
  const concurrency = Number(process.env.BENCH_RACE_CONCURRENCY ?? 16);
  const hot = Number(process.env.BENCH_RACE_HOT ?? 100);
  const testDb = await openTestDb();
  const loadBefore = loadavg();
  const servers = [await instance(testDb.url!), await instance(testDb.url!)];
  try {
    const desks: TestDevice[] = [];
    for (let n = 0; n < 8; n += 1)
      desks.push(await enrolTestDevice(testDb.db, servers[n % 2]!, `Регистратура ${n + 1}`));
    const ids = await scheduleOnServer(desks[0]!);
    const patients: string[] = [];
    for (let made = 0; made < total + hot; made += 400) {
      patients.push(...(await patientsOnServer(desks[0]!, Math.min(400, total + hot - made))));
    }
    const browsers = new Map<string, CabinetBrowser>();
    for (const [index, patientId] of patients.entries()) {
      if (index % 2 === 1) {
        browsers.set(patientId, (await signedInPatient(testDb.db, servers[index % 2]!, patientId, new Date())).browser);
      }
    }
    const booker = (index: number, patientId: string, time: { specialistId: string; startsAt: string }): Booker => {
      const browser = browsers.get(patientId);
      if (browser === undefined) {
        const desk = desks[index % desks.length]!;
        return {
          kind: 'desk',
          book: async () => {
            const reply = await desk.push([requested({ patientId, serviceTypeId: ids.consultation, ...time })]);
            return pushResponseSchema.parse(reply.json()).results[0]?.status === 'applied';
          },
        };
      }
      return {
        kind: 'cabinet',
        book: async () => {
          const held = await browser.post(cabinetAppointmentPaths.holds, { serviceTypeId: ids.consultation, ...time });
          if (held.status !== 201) return false;
          const { holdId } = holdSchema.parse(held.body);
          const confirmed = await browser.post(cabinetAppointmentPaths.list, { holdId, timeZone: clinicTimeZone });
          return confirmed.status === 201;
        },
      };
    };

    const times = freeTimes(total + 1, [ids.therapist, ids.colleague]);
    const spreadBookers = patients.slice(0, total).map((patientId, index) => booker(index, patientId, times[index]!));
    const spread = await run(spreadBookers, concurrency);
    const hotTime = times[total]!;
    const hotBookers = patients.slice(total).map((patientId, index) => booker(index, patientId, hotTime));
    const race = await run(hotBookers, hotBookers.length);
    const loadAfter = loadavg();

    const rows: Record<string, string | number>[] = [];
    for (const [name, result, bookers, at] of [
      ['spread', spread, total, concurrency],
      ['hot time', race, hot, hot],
    ] as const) {
      const wins = result.timed.filter((t) => t.won).length;
      const desk = summarize(result.timed.filter((t) => t.kind === 'desk').map((t) => t.ms));
      const cabinet = summarize(result.timed.filter((t) => t.kind === 'cabinet').map((t) => t.ms));
      rows.push({
        run: name,
        bookers,
        'at once': at,
        wins,
        'bookings/s': (wins / result.seconds).toFixed(1),
        'answers/s': (result.timed.length / result.seconds).toFixed(1),
        'desk p50 ms': ms(desk.p50),
        'desk p95 ms': ms(desk.p95),
        'cabinet p50 ms': ms(cabinet.p50),
        'cabinet p95 ms': ms(cabinet.p95),
      });
    }
    printTable(rows);
    const claims = await testDb.db.raw<{ rows: { n: unknown }[] }>(
      `SELECT count(*) AS n FROM appointment_claims WHERE specialist_id = ? AND during && tstzrange(?, ?)`,
      [hotTime.specialistId, hotTime.startsAt, new Date(Date.parse(hotTime.startsAt) + 20 * 60_000).toISOString()],
    );
    const file = writeResults('booking-race', {
      machine: machine(),
      load: { before: loadBefore, after: loadAfter },
      settings: { total, concurrency, hot, instances: servers.length, desks: desks.length },
      rows,
      hotTimeClaims: Number(claims.rows[0]?.n ?? 0),
    });
    process.stdout.write(
      `load before ${loadBefore}; after ${loadAfter}; hot time claims: ${String(claims.rows[0]?.n)}\n${file}\n`,
    );
  } finally {
    for (const server of servers) await server.close();
    await testDb.cleanup();
  }
}

if (process.env.BENCH_RACE_SERVE === '1') {
  await serve();
} else if (!process.env.DATABASE_URL) {
  process.stderr.write(
    'bench:race needs PostgreSQL: set DATABASE_URL=postgres://… (a role that may create databases). ' +
      'The race is decided by the database’s exclusion constraints; PGlite runs one transaction at a time.\n',
  );
  process.exit(2);
} else {
  await main();
}
