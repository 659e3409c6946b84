/**
 * `npm run bench:access-log`: «кто открывал мою карту» (issue 14, F2) — the first page of one
 * patient's access log when the clinic's audit holds 100,000 events of that patient (and as many
 * of others): many staff, desks, actions, emergency access, search noise and the cabinet's own
 * reads, inserted straight into `audit_events`. Timed: `patientAccessPage` (the query the desk's
 * route and the cabinet's route both answer with) — first page with the default toggles, with
 * both toggles on, and a page deep in the history by its cursor. Goal: first page p95 ≤ 50 ms.
 * On PostgreSQL when DATABASE_URL is set (a scratch database is made and dropped), else PGlite.
 * BENCH_ACCESS_EVENTS=N, BENCH_ACCESS_RUNS=R. Never part of `npm test`.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { patientAccessPage } from '../server/audit/patient-access';
import { defaultClinicId } from '../server/clinics/clinics';
import { accessLogPageLines } from '../shared/rights/access-log';
import { onPostgres, openTestDb } from '../test/server/support/test-server';
import { machine, ms, printTable, summarize, writeResults } from './lib/stats';

const eventCount = Number(process.env.BENCH_ACCESS_EVENTS ?? 100_000);
const runs = Number(process.env.BENCH_ACCESS_RUNS ?? 200);
const staffCount = 60;
const deskCount = 25;

/** A small deterministic generator: the same audit every run. */
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const reads = ['patients.read', 'chart.history', 'chart.entry', 'documents.read', 'scans.read', 'consents.read'];
const changes = ['patients.contacts.update', 'chart.record', 'chart.amend', 'documents.added', 'exports.created'];
const noise = ['patients.search', 'patients.duplicate_shown', 'appointments.range'];

const testDb = await openTestDb();
const { db } = testDb;
try {
  const clinicId = await defaultClinicId(db);
  const now = new Date();
  const desks = Array.from({ length: deskCount + 1 }, (_, i) => ({
    id: randomUUID(),
    clinic_id: clinicId,
    name: i === deskCount ? 'Личный кабинет пациента (сервер)' : `Кабинет ${i + 1}`,
    public_key: `bench-${i}-${randomUUID()}`,
    enrolled_at: now,
    revoked_at: null,
  }));
  await db('devices').insert(desks);
  const staff = Array.from({ length: staffCount }, (_, i) => ({
    id: randomUUID(),
    role: i % 3 === 0 ? 'clerk' : 'doctor',
    name: `Сотрудник ${i + 1}`,
  }));
  await db('records').insert(
    staff.map((person) => ({
      table_name: 'staff',
      id: person.id,
      clinic_id: clinicId,
      version: 1,
      data: JSON.stringify({ display_name: person.name, role: person.role, login: person.name }),
      field_versions: '{}',
      updated_at: now,
    })),
  );
  const patientId = randomUUID();
  const seqs = new Map<string, number>();
  const start = Date.UTC(2025, 0, 1);
  const span = 700 * 86_400_000;

  /** One event of `patient` at minute `t`, as a desk (or the cabinet) anchored it. */
  const event = (patient: string, at: number) => {
    const roll = random();
    const cabinet = roll < 0.08;
    const desk = cabinet ? desks[deskCount]! : desks[Math.floor(random() * deskCount)]!;
    const person = pick(staff);
    const action = cabinet
      ? pick(['chart.history', 'chart.entry', 'appointments.list', 'patients.access_log.read'])
      : roll < 0.38
        ? pick(noise)
        : roll < 0.9
          ? pick(reads)
          : roll < 0.99
            ? pick(changes)
            : 'chart.emergency.started';
    const emergency = action === 'chart.emergency.started' || (!cabinet && roll > 0.985);
    const seq = (seqs.get(desk.id) ?? 0) + 1;
    seqs.set(desk.id, seq);
    return {
      clinic_id: clinicId,
      device_id: desk.id,
      seq,
      event_id: randomUUID(),
      at: new Date(at).toISOString(),
      actor_id: cabinet ? 'account-1' : person.id,
      actor_role: cabinet ? 'patient' : person.role,
      desk_id: `local-${desk.id}`,
      action,
      patient_id: patient,
      details: JSON.stringify(emergency ? { emergencyAccessId: 'grant-1' } : {}),
      prev_hash: '0'.repeat(64),
      hash: '0'.repeat(64),
      received_at: now,
    };
  };

  const loadStarted = performance.now();
  const batch = 1_000;
  for (let done = 0; done < eventCount; done += batch) {
    const rows = [];
    for (let i = done; i < Math.min(eventCount, done + batch); i++) {
      // Visits: bursts of events minutes apart, visits days apart; other patients interleaved.
      const at = start + Math.floor((i / eventCount) * span) + Math.floor(random() * 20) * 60_000;
      rows.push(event(patientId, at));
      rows.push(event(randomUUID(), at));
    }
    await db('audit_events').insert(rows);
  }
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  // As the server's autovacuum would have by then (PGlite has none): the planner's statistics.
  await db.raw('ANALYZE');

  const time = async (query: Parameters<typeof patientAccessPage>[2]) => {
    const samples: number[] = [];
    let lines = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const page = await patientAccessPage(db, clinicId, query);
      samples.push(performance.now() - t0);
      lines = page.lines.length;
    }
    return { ...summarize(samples.slice(Math.min(10, runs / 10))), lines };
  };
  const base = { patientId, showOwn: false, showListed: false, limit: accessLogPageLines };
  const first = await time(base);
  const all = await time({ ...base, showOwn: true, showListed: true });
  const middle = await db('audit_events')
    .where({ clinic_id: clinicId, patient_id: patientId })
    .orderBy('position', 'desc')
    .offset(Math.floor(eventCount / 2))
    .first<{ position: unknown }>('position');
  const deep = await time({ ...base, cursor: Number(middle!.position) });

  const rows = [
    { page: 'first (default toggles)', ...first },
    { page: 'first (own + search shown)', ...all },
    { page: 'deep (cursor at 50%)', ...deep },
  ].map((row) => ({
    page: row.page,
    lines: row.lines,
    'p50 ms': ms(row.p50),
    'p95 ms': ms(row.p95),
    'p99 ms': ms(row.p99),
    'max ms': ms(row.max),
  }));
  process.stdout.write(
    `\naccess log: ${eventCount} events of one patient (+${eventCount} of others), ${staffCount} staff, ` +
      `${deskCount} desks + the cabinet; ${runs} runs each; ${onPostgres ? 'PostgreSQL' : 'PGlite'}; ` +
      `loaded in ${loadSeconds.toFixed(1)} s\n\n`,
  );
  printTable(rows);
  const goalMet = first.p95 <= 50;
  process.stdout.write(`\nfirst page p95 ${ms(first.p95)} ms — goal ≤ 50 ms: ${goalMet ? 'met' : 'NOT met'}\n`);
  const file = writeResults('access-log', {
    machine: machine(),
    database: onPostgres ? 'postgresql' : 'pglite',
    events: eventCount,
    runs,
    loadSeconds,
    results: rows,
    goalMet,
  });
  process.stdout.write(`${file}\n`);
} finally {
  await testDb.cleanup();
}
