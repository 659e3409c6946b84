/**
 * `npm run bench:export`: the export of one patient's record (issue 14, item 7) — the chart
 * bench's heavy patient, 5,000 encounters with their diagnoses, prescriptions, results and
 * allergies (bench/chart-fill.ts, a small clinic around it) — as FHIR (goal ≤ 2 s), PDF (≤ 5 s)
 * and СЭМД (≤ 2 s), each through `exportPatientRecord` (the read, the render, the hash, the
 * audit event), BENCH_RUNS times (default 5): p50/p95, file size, the load before and after.
 * Never part of `npm test`.
 */
import { execSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { exportPatientRecord } from '../electron/services/exports/export-record';
import type { FileFormat } from '../shared/rights/record-requests';
import { chartBenchStore } from './chart-fill';
import { machine, printTable, summarize, writeResults } from './lib/stats';

const ms = (value: number) => Math.round(value * 10) / 10;

const runs = Number(process.env.BENCH_RUNS ?? 5);
const scale = Number(process.env.BENCH_SCALE ?? 0.0001);
const goals: Record<FileFormat, number> = { fhir: 2000, pdf: 5000, semd: 2000 };

const uptime = (): string => {
  try {
    return execSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`;
  }
};

async function main(): Promise<void> {
  const before = uptime();
  const bench = await chartBenchStore(scale, (line) => process.stderr.write(`${line}\n`));
  const ctx = { store: bench.store, clock: { now: () => new Date() }, actor: bench.doctor };
  const rows: Record<string, string | number>[] = [];
  const figures: Record<string, unknown> = {};
  const formats = (process.env.BENCH_FORMATS ?? 'fhir,semd,pdf').split(',') as FileFormat[];
  for (const format of formats) {
    const samples: number[] = [];
    let size = 0;
    let entries = 0;
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      process.stderr.write(`${format} run ${run + 1}\n`);
      const file = await exportPatientRecord(ctx, { patientId: bench.heavyPatientId, format }, (_done, total) => {
        entries = total;
      });
      samples.push(performance.now() - started);
      size = file.bytes.length;
    }
    const stats = summarize(samples);
    figures[format] = { ...stats, sizeBytes: size, entries, goalMs: goals[format] };
    rows.push({
      format,
      entries,
      'p50 ms': ms(stats.p50),
      'p95 ms': ms(stats.p95),
      'max ms': ms(stats.max),
      'size MiB': (size / 2 ** 20).toFixed(1),
      goal: `≤ ${goals[format] / 1000} s`,
      met: stats.p95 <= goals[format] ? 'yes' : 'no',
    });
  }
  await bench.store.close();
  const after = uptime();
  printTable(rows);
  process.stdout.write(`\nuptime before: ${before}\nuptime after:  ${after}\n`);
  const path = writeResults('export', { machine: machine(), runs, scale, before, after, figures });
  process.stdout.write(`${path}\n`);
}

await main();
