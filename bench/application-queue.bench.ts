/**
 * `npm run bench:queue`: the desk's «Заявления» queue (issue 11, C2/C6) at 100,000 applications in
 * the encrypted store, as the sync brings them (the sync writer, in 10,000-row transactions), over
 * 20,000 patients enrolled through the service layer. Most applications are closed (activated,
 * approved, denied), 30% are open, some overdue and urgent. Through the dispatcher (schema,
 * permission, the page, the counters, the audited read): the first page (goal p95 ≤ 50 ms), a
 * filtered page (overdue + urgent, and a surname prefix), a page deep in the keyset, and the
 * rail's counter. The load average before and after is recorded.
 * BENCH_APPLICATIONS=N, BENCH_PATIENTS=N, BENCH_RUNS=N for a smaller run. Never part of `npm test`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../electron/core/dispatcher';
import { openStore } from '../electron/store/open-store';
import { applyChanges } from '../electron/store/sync-writers/server-changes';
import { applicationNumber, type ApplicationStatus } from '../shared/domain/application';
import type { Change } from '../shared/sync/protocol';
import { fillPatients } from './lib/fill-patients';
import { machine, ms, printTable, summarize, writeResults } from './lib/stats';

const total = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
const patients = Number(process.env.BENCH_PATIENTS ?? 20_000);
const runs = Number(process.env.BENCH_RUNS ?? 500);
const hourMs = 60 * 60 * 1000;

/** A deterministic spread: statuses by share, deadlines from a year back to three days ahead. */
function statusOf(i: number): ApplicationStatus {
  const r = i % 100;
  if (r < 20) return 'submitted';
  if (r < 30) return 'in_review';
  if (r < 40) return 'denied';
  if (r < 50) return 'approved';
  return 'activated';
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'medcard-bench-queue-'));
  try {
    const store = await openStore({ path: join(dir, 'queue.db'), key: randomBytes(32), create: true });
    const { ctx, seconds: patientSeconds } = fillPatients(store, {
      total: patients,
      seed: 20261207,
      label: 'patients',
    });
    const patientIds = store.read((tx) => tx.all<{ id: string }>('SELECT id FROM patients').map((row) => row.id));
    const now = Date.now();
    const started = performance.now();
    for (let from = 0; from < total; from += 10_000) {
      const changes: Omit<Change, 'seq'>[] = [];
      for (let i = from; i < Math.min(total, from + 10_000); i++) {
        const status = statusOf(i);
        const open = status === 'submitted' || status === 'in_review';
        // Open ones are due from two days ago to three days ahead (some overdue); closed ones
        // over the past year.
        const due = open
          ? now + ((i * 7919) % (120 * hourMs)) - 48 * hourMs
          : now - ((i * 104729) % (365 * 24 * hourMs));
        const submitted = new Date(due - 24 * hourMs).toISOString();
        changes.push({
          table: 'applications',
          rowId: randomUUID(),
          version: 1,
          data: {
            patient_id: patientIds[i % patientIds.length]!,
            account_id: randomUUID(),
            number: applicationNumber(2026, 'П', i + 1),
            channel: i % 5 === 0 ? 'desk' : 'portal',
            urgent: i % 10 === 0 ? 1 : 0,
            status,
            submitted_at: submitted,
            due_at: new Date(due).toISOString(),
            contact_email: `p${i}@example.org`,
            created_at: submitted,
            updated_at: submitted,
          },
        });
      }
      store.transaction((tx) => applyChanges(tx, changes, new Date().toISOString()));
    }
    const fillSeconds = (performance.now() - started) / 1000;
    const dispatch = createDispatcher(() => ctx);

    const surname = store.read(
      (tx) =>
        tx.get<{ surname: string }>(
          'SELECT p.surname FROM applications a JOIN patients p ON p.id = a.patient_id WHERE a.status = ? LIMIT 1',
          ['submitted'],
        )!.surname,
    );
    const deepCursor = await (async () => {
      let after = null;
      for (let page = 0; page < 20; page++) {
        const answer = await dispatch('applications.queue', { after, limit: 50 });
        if (!answer.ok) throw new Error(JSON.stringify(answer.error));
        after = (answer.data as { next: unknown }).next;
      }
      return after;
    })();

    const loadBefore = loadavg();
    const measure = async (name: string, input: unknown) => {
      const samples: number[] = [];
      const cpu: number[] = [];
      let rows = 0;
      for (let i = 0; i < runs; i++) {
        const c = process.cpuUsage();
        const t = performance.now();
        const result = await dispatch(name, input);
        samples.push(performance.now() - t);
        const used = process.cpuUsage(c);
        cpu.push((used.user + used.system) / 1000);
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        rows = ((result.data as { items?: unknown[] }).items ?? []).length;
      }
      return { ...summarize(samples), cpu: summarize(cpu), rows };
    };
    const results = {
      first: await measure('applications.queue', {}),
      overdueUrgent: await measure('applications.queue', { filter: { overdueOnly: true, urgentOnly: true } }),
      surname: await measure('applications.queue', { filter: { search: surname.slice(0, 4), statuses: [] } }),
      deep: await measure('applications.queue', { after: deepCursor }),
      count: await measure('applications.count', {}),
    };
    const loadAfter = loadavg();
    const row = (what: string, r: (typeof results)['first']) => ({
      page: what,
      rows: r.rows,
      'p50 ms': ms(r.p50),
      'p95 ms': ms(r.p95),
      'max ms': ms(r.max),
      'CPU p95 ms': ms(r.cpu.p95),
    });
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    process.stdout.write(
      `\napplications.queue through the dispatcher, ${total} applications, ${patients} patients, ${runs} runs each ` +
        `(fill: patients ${patientSeconds.toFixed(0)} s, applications ${fillSeconds.toFixed(0)} s; ` +
        `load average before ${load(loadBefore)}, after ${load(loadAfter)})\n`,
    );
    printTable([
      row('first page, open (goal p95 ≤ 50 ms)', results.first),
      row('overdue + urgent', results.overdueUrgent),
      row(`surname «${surname.slice(0, 4)}…»`, results.surname),
      row('page 21 (keyset)', results.deep),
      row('rail counter', results.count),
    ]);
    const path = writeResults('application-queue', {
      machine: machine(),
      applications: total,
      patients,
      runs,
      fillSeconds: { patients: patientSeconds, applications: fillSeconds },
      loadAverage: { before: loadBefore, after: loadAfter },
      results,
    });
    process.stdout.write(`\nJSON: ${path}\n`);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
