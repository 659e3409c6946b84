/**
 * `npm run bench:duplicates`: the duplicate check the enrolment form makes while the clerk types
 * (B2), at 1,000,000 patients in the encrypted store. 3,000 drafts through the dispatcher: half
 * are existing patients retyped with a typo in the surname and no identifiers (found only by
 * birth date and names), half are new people (another seed). Goal: p95 < 10 ms. Each call's
 * CPU time (this process, user + system) is reported too: on a machine shared with other jobs
 * the wall time mostly measures waiting for a core, the CPU time much less so. The load average
 * before and after the run is printed and recorded.
 * BENCH_PATIENTS=N and BENCH_DRAFTS=N for a smaller run. Never part of `npm test`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../electron/core/dispatcher';
import { syntheticPatients } from '../electron/demo/synthetic-patients';
import { openStore } from '../electron/store/open-store';
import { isoDay } from '../shared/domain/calendar-date';
import type { PatientDraft, PatientDraftInput } from '../shared/domain/patient';
import { fillPatients } from './lib/fill-patients';
import { machine, ms, printTable, summarize, writeResults } from './lib/stats';

const total = Number(process.env.BENCH_PATIENTS ?? 1_000_000);
const drafts = Number(process.env.BENCH_DRAFTS ?? 3000);
const seed = 20261129;

/** One letter of the surname replaced by its neighbour in the alphabet: a typo within the limit. */
function withTypo(surname: string, i: number): string {
  const letters = [...surname];
  const at = 1 + (i % Math.max(1, letters.length - 2));
  const code = letters[at]!.codePointAt(0)!;
  letters[at] = String.fromCodePoint(code === 0x44f ? 0x430 : code + 1);
  return letters.join('');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'medcard-bench-'));
  try {
    const store = await openStore({ path: join(dir, 'duplicates.db'), key: randomBytes(32), create: true });
    const stride = Math.max(1, Math.floor(total / (drafts / 2)));
    const existing: { draft: PatientDraft; index: number }[] = [];
    const { ctx, seconds } = fillPatients(store, {
      total,
      seed,
      label: 'patients',
      onDraft: (draft, index) => {
        if (index % stride === 0 && existing.length < drafts / 2) existing.push({ draft, index });
      },
    });
    const dispatch = createDispatcher(() => ctx);

    const near = existing.map(({ draft }, i) => ({
      surname: withTypo(draft.surname, i),
      name: draft.name,
      patronymic: draft.patronymic,
      birthDate: draft.birthDate,
      sex: draft.sex,
    }));
    const fresh: PatientDraftInput[] = [
      ...syntheticPatients({ seed: seed + 1, count: drafts - near.length, today: isoDay(new Date()) }),
    ];

    const loadBefore = loadavg();
    const run = async (inputs: readonly object[]) => {
      const samples: number[] = [];
      const cpu: number[] = [];
      let found = 0;
      for (const input of inputs) {
        const c = process.cpuUsage();
        const t = performance.now();
        const result = await dispatch('patients.duplicates', input);
        samples.push(performance.now() - t);
        const used = process.cpuUsage(c);
        cpu.push((used.user + used.system) / 1000);
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        if ((result.data as { items: unknown[] }).items.length > 0) found += 1;
      }
      return { ...summarize(samples), cpu: summarize(cpu), found, samples, cpuSamples: cpu };
    };
    const nearResult = await run(near);
    const freshResult = await run(fresh);
    const loadAfter = loadavg();
    const all = {
      ...summarize([...nearResult.samples, ...freshResult.samples]),
      cpu: summarize([...nearResult.cpuSamples, ...freshResult.cpuSamples]),
    };
    const row = (drafts: string, r: typeof all, found: number) => ({
      drafts,
      n: r.n,
      'p50 ms': ms(r.p50),
      'p95 ms': ms(r.p95),
      'max ms': ms(r.max),
      'CPU p50 ms': ms(r.cpu.p50),
      'CPU p95 ms': ms(r.cpu.p95),
      'with candidates': found,
    });
    const rows = [
      row('near-duplicates (typo, no identifiers)', nearResult, nearResult.found),
      row('new people', freshResult, freshResult.found),
      row('all (goal p95 < 10 ms)', all, nearResult.found + freshResult.found),
    ];
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    process.stdout.write(
      `\npatients.duplicates through the dispatcher, ${total} patients (fill: ${seconds.toFixed(0)} s; load average before ${load(loadBefore)}, after ${load(loadAfter)})\n`,
    );
    printTable(rows);
    const path = writeResults('duplicates', {
      machine: machine(),
      patients: total,
      fillSeconds: seconds,
      loadAverage: { before: loadBefore, after: loadAfter },
      near: { ...nearResult, samples: undefined, cpuSamples: undefined },
      fresh: { ...freshResult, samples: undefined, cpuSamples: undefined },
      all,
    });
    process.stdout.write(`\nJSON: ${path}\n`);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
