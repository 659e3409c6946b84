/**
 * `npm run bench:chart [-- --scale S]`: the chart at 1,000,000 patients and 10,000,000 chart rows
 * in the encrypted store (issue 12, item 10), one patient with 5,000 encounters. Through the
 * dispatcher as a doctor (schema, permission, the service, the audited read, the output schema):
 * - the history's first screen (`chart.history`, audit included) — goal p95 ≤ 50 ms;
 * - МКБ-10 autocomplete (`dictionaries.search` icd10, code prefixes and words) — goal p95 ≤ 5 ms;
 * - the prescription check (`chart.checkPrescription`: allergies, active prescriptions, the
 *   formulary) — goal p95 ≤ 10 ms;
 * - the audit's share of opening the chart: `recordRead` timed alone, as the service calls it,
 *   against the whole call — goal ≤ 5 %.
 * `--scale 0.01` (or BENCH_SCALE) for a quick run; the filled store is kept under
 * /tmp/medcard-bench-chart/scale-S and reused. BENCH_RUNS=N runs per measurement. The load
 * average before and after is recorded. Never part of `npm test`.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createDispatcher } from '../electron/core/dispatcher';
import { fixedActorContext } from '../electron/core/fixed-actor-context';
import { recordRead } from '../electron/store/record-door';
import { chartBenchStore, heavyEncounters } from './chart-fill';
import { machine, ms, printTable, summarize, writeResults } from './lib/stats';

const { values } = parseArgs({ options: { scale: { type: 'string' } }, allowPositionals: true });
const scale = Number(values.scale ?? process.env.BENCH_SCALE ?? 1);
if (!(scale > 0 && scale <= 1)) throw new RangeError(`--scale takes a number in (0, 1], got ${values.scale}`);
const runs = Number(process.env.BENCH_RUNS ?? 500);

const icdQueries = [
  'J06',
  'I1',
  'E11.9',
  'K29',
  'M54.5',
  'инфекция острая',
  'гипертенз',
  'сахарн диаб',
  'боль спин',
  'ёж',
];

type Stats = ReturnType<typeof summarize>;
const log = (line: string) => process.stderr.write(`\r${line}    `);

async function main(): Promise<void> {
  const bench = await chartBenchStore(scale, log);
  process.stderr.write('\n');
  const clock = { now: () => new Date() };
  const ctx = fixedActorContext({ store: bench.store, clock, actor: bench.doctor });
  const dispatch = createDispatcher(() => ctx, { internal: () => undefined });
  const call = async (name: string, input: unknown): Promise<unknown> => {
    const result = await dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
    return result.data;
  };

  const measure = async (input: (i: number) => [string, unknown], check?: (data: unknown) => void) => {
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [name, args] = input(i);
      const c = process.cpuUsage();
      const t = performance.now();
      const data = await call(name, args);
      samples.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      if (i === 0) check?.(data);
    }
    return { ...summarize(samples), cpu: summarize(cpu), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
  };
  const rowsOf = (data: unknown) => (data as { items: unknown[] }).items.length;

  // Warm the page cache the way a desk that has been open a while has it.
  for (let i = 0; i < 20; i++) await call('chart.history', { patientId: bench.heavyPatientId });

  const loadBefore = loadavg();
  let firstScreenRows = 0;
  let heavyTotal: number | null = null;
  const history = await measure(
    () => ['chart.history', { patientId: bench.heavyPatientId }],
    (data) => {
      firstScreenRows = rowsOf(data);
      heavyTotal = (data as { total: number | null }).total;
    },
  );
  const ordinary = await measure((i) => [
    'chart.history',
    { patientId: bench.samplePatientIds[i % bench.samplePatientIds.length] },
  ]);
  // The audit's part of opening the chart: the same `recordRead` the service makes, alone.
  const audit = (() => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      bench.store.transaction((tx) =>
        recordRead({ tx, actor: bench.doctor, at: clock.now().toISOString() }, 'chart.read', {
          action: 'chart.history',
          patientId: bench.heavyPatientId,
        }),
      );
      samples.push(performance.now() - t);
    }
    return { ...summarize(samples), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
  })();
  const icd = await measure((i) => [
    'dictionaries.search',
    { name: 'icd10', query: icdQueries[i % icdQueries.length], limit: 20 },
  ]);
  const icdPrefix = await measure((i) => [
    'dictionaries.search',
    { name: 'icd10', query: icdQueries[i % 5], limit: 20 },
  ]);
  const icdWords = await measure((i) => [
    'dictionaries.search',
    { name: 'icd10', query: icdQueries[5 + (i % 5)], limit: 20 },
  ]);

  const medicineCode = (inn: string) =>
    bench.store.read(
      (tx) =>
        tx.get<{ code: string }>(
          `SELECT e.code FROM dictionary_entries e JOIN dictionaries d ON d.name = e.dictionary AND d.version = e.version AND d.active = 1
            WHERE e.dictionary = 'medicines' AND e.name_fold LIKE ? ORDER BY e.code LIMIT 1`,
          [`${inn} таблетки%`],
        )!.code,
    );
  const drafts = [
    // A penicillin to a patient allergic to amoxicillin: the class alert.
    { medicineCode: medicineCode('амоксициллин'), dose: 500, unit: 'mg', timesPerDay: 3 },
    // Already active: the duplicate warning.
    { medicineCode: medicineCode('эналаприл'), dose: 10, unit: 'mg', timesPerDay: 2 },
    // Above the formulary's single dose: refused.
    { medicineCode: medicineCode('ибупрофен'), dose: 1200, unit: 'mg', timesPerDay: 3 },
  ].map((draft) => ({ ...draft, route: 'oral', startOn: clock.now().toISOString().slice(0, 10) }));
  let problems: string[] = [];
  const check = await measure(
    (i) => ['chart.checkPrescription', { patientId: bench.heavyPatientId, draft: drafts[i % drafts.length] }],
    (data) => {
      problems = (data as { problems: { code: string }[] }).problems.map((problem) => problem.code);
    },
  );
  const loadAfter = loadavg();

  const auditShare = audit.mean / history.mean;
  const row = (what: string, stats: Stats & { cpu?: Stats }, goal: string) => ({
    measure: what,
    'p50 ms': ms(stats.p50),
    'p95 ms': ms(stats.p95),
    'p99 ms': ms(stats.p99),
    'max ms': ms(stats.max),
    'CPU p95 ms': stats.cpu ? ms(stats.cpu.p95) : '',
    goal,
  });
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  process.stdout.write(
    `\nThe chart at ${bench.patients} patients, ${bench.rows} chart rows (scale ${scale}; file ${bench.fileMiB} MiB; ` +
      `${bench.fillSeconds === null ? 'cached store' : `filled in ${bench.fillSeconds.toFixed(0)} s`}), ${runs} runs each; ` +
      `load average before ${load(loadBefore)}, after ${load(loadAfter)}\n`,
  );
  printTable([
    row(
      `history, first screen (${heavyEncounters} encounters, ${firstScreenRows} rows of ${heavyTotal})`,
      history,
      'p95 ≤ 50',
    ),
    row('history, first screen (ordinary patients)', ordinary, ''),
    row('recordRead alone (the audit of one open)', audit, ''),
    row('МКБ-10 autocomplete (all queries)', icd, 'p95 ≤ 5'),
    row('МКБ-10 autocomplete (code prefixes)', icdPrefix, ''),
    row('МКБ-10 autocomplete (words)', icdWords, ''),
    row(`prescription check (${problems.join(', ') || 'no problems'} …)`, check, 'p95 ≤ 10'),
  ]);
  process.stdout.write(
    `\nAudit share of opening the history: ${(auditShare * 100).toFixed(1)} % (mean recordRead ${ms(audit.mean)} ms ` +
      `of mean call ${ms(history.mean)} ms; goal ≤ 5 %)\n`,
  );
  const path = writeResults('chart', {
    machine: machine(),
    scale,
    patients: bench.patients,
    rows: bench.rows,
    heavyEncounters,
    fileMiB: bench.fileMiB,
    fillSeconds: bench.fillSeconds,
    runs,
    loadAverage: { before: loadBefore, after: loadAfter },
    results: { history, ordinary, audit, auditShare, icd, icdPrefix, icdWords, check, problems },
  });
  process.stdout.write(`JSON: ${path}\n`);
  await bench.store.close();
}

await main();
