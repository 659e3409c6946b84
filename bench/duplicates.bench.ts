/**
 * `npm run bench:duplicates`: the duplicate check the enrolment form makes while the clerk types
 * (B2), at 1,000,000 patients in the encrypted store. 3,000 drafts through the dispatcher: half
 * are existing patients retyped with a typo in the surname and no identifiers (found only by
 * birth date and names), half are new people (another seed). Goal: p95 < 10 ms.
 * BENCH_PATIENTS=N and BENCH_DRAFTS=N for a smaller run. Never part of `npm test`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    const fresh: PatientDraftInput[] = [...syntheticPatients({ seed: seed + 1, count: drafts - near.length, today: isoDay(new Date()) })];

    const run = async (inputs: readonly object[]) => {
      const samples: number[] = [];
      let found = 0;
      for (const input of inputs) {
        const t = performance.now();
        const result = await dispatch('patients.duplicates', input);
        samples.push(performance.now() - t);
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        if ((result.data as { items: unknown[] }).items.length > 0) found += 1;
      }
      return { ...summarize(samples), found, samples };
    };
    const nearResult = await run(near);
    const freshResult = await run(fresh);
    const all = summarize([...nearResult.samples, ...freshResult.samples]);
    const rows = [
      { drafts: 'near-duplicates (typo, no identifiers)', n: nearResult.n, 'p50 ms': ms(nearResult.p50), 'p95 ms': ms(nearResult.p95), 'max ms': ms(nearResult.max), 'with candidates': nearResult.found },
      { drafts: 'new people', n: freshResult.n, 'p50 ms': ms(freshResult.p50), 'p95 ms': ms(freshResult.p95), 'max ms': ms(freshResult.max), 'with candidates': freshResult.found },
      { drafts: 'all (goal p95 < 10 ms)', n: all.n, 'p50 ms': ms(all.p50), 'p95 ms': ms(all.p95), 'max ms': ms(all.max), 'with candidates': nearResult.found + freshResult.found },
    ];
    process.stdout.write(`\npatients.duplicates through the dispatcher, ${total} patients (fill: ${seconds.toFixed(0)} s)\n`);
    printTable(rows);
    const path = writeResults('duplicates', { machine: machine(), patients: total, fillSeconds: seconds, near: { ...nearResult, samples: undefined }, fresh: { ...freshResult, samples: undefined }, all });
    process.stdout.write(`\nJSON: ${path}\n`);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
