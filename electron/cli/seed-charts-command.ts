import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ZonedActorContext } from '../core/context';
import { chartCatalogue, chartDictionaries, missingChartDictionaries } from '../demo/chart-catalogue';
import { ensureDemoDoctors, seedCharts, type SeedChartsTotals } from '../demo/seed-charts';
import { importDictionaryFile } from '../services/dictionaries/import-file';
import type { Actor } from '../store/actor';
import { isoDay } from '../../shared/domain/calendar-date';
import type { Output } from './commands';

/** Where the files of each dictionary the demo codes from are found in a folder of НСИ exports. */
const sources: Record<string, (dir: string) => string | null> = {
  // МКБ-10 as the НСИ's CSV export (OID 1.2.643.5.1.13.13.11.1005).
  icd10: (dir) => findFile(dir, /^1\.2\.643\.5\.1\.13\.13\.11\.1005_.*\.csv$/i),
  // ЕСКЛП СМНН and НМУ as the ФНСИ JSON export: the folder holding the passport and parts.
  medicines: (dir) => findFolder(dir, /^1\.2\.643\.5\.1\.13\.13\.99\.2\.611_.*_passport\.json$/i),
  services: (dir) => findFolder(dir, /^1\.2\.643\.5\.1\.13\.13\.11\.1070_.*_passport\.json$/i),
};

/** The folder and its direct subfolders (`nsi/`, `nsi-json/` as the ministry's files are kept). */
function folders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const subfolders = readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory());
  return [dir, ...subfolders];
}

function findFile(dir: string, name: RegExp): string | null {
  for (const folder of folders(dir)) {
    const found = readdirSync(folder)
      .filter((file) => name.test(file))
      .sort();
    if (found.length > 0) return join(folder, found[found.length - 1]!);
  }
  return null;
}

function findFolder(dir: string, passport: RegExp): string | null {
  return folders(dir).find((folder) => readdirSync(folder).some((file) => passport.test(file))) ?? null;
}

/**
 * Imports the dictionaries the demo codes from that the desk has no active version of, from
 * `dir` (on this desk only, as `medcard import dictionary` without --as). Says which are still
 * missing when a file is not there.
 */
export function importChartDictionaries(ctx: ZonedActorContext, dir: string, io: Output): string[] {
  const admin = { ...ctx, actor: { ...ctx.actor, role: 'admin' as const } };
  const wanted = [...chartDictionaries.required, ...chartDictionaries.optional];
  const active = new Set(
    ctx.store
      .read((tx) => tx.all<{ name: string }>('SELECT name FROM dictionaries WHERE active = 1'))
      .map((row) => row.name),
  );
  for (const name of wanted) {
    if (active.has(name)) continue;
    const path = sources[name]?.(dir) ?? null;
    if (path === null) continue;
    const { outcome, refused } = importDictionaryFile(admin, name, path, {
      onProgress: ({ done, total }) => io.err(`\r${name}: ${done} / ${total}`),
    });
    io.err('\n');
    io.out(`Dictionary ${name}, version ${outcome.version}: ${outcome.rows} rows imported, ${refused.length} refused`);
  }
  return missingChartDictionaries(ctx);
}

export const importHint = [
  'The demo charts code from the НСИ dictionaries; import them first, or pass --dictionaries DIR (a folder',
  'holding the files as the ministry publishes them):',
  '  medcard import dictionary icd10 1.2.643.5.1.13.13.11.1005_<version>.csv      (МКБ-10, CSV)',
  '  medcard import dictionary medicines <folder of 1.2.643.5.1.13.13.99.2.611_*_passport.json and parts>  (ЕСКЛП)',
  '  medcard import dictionary services <folder of 1.2.643.5.1.13.13.11.1070_*> (НМУ; optional: procedures)',
].join('\n');

/**
 * `seed-demo … --charts`: a chart for each of `patientIds`, written by the demo doctors through
 * the chart's services, with progress every patient on stderr.
 */
export async function seedChartsStage(
  ctx: ZonedActorContext,
  patientIds: readonly string[],
  options: { seed: number; doctors?: readonly Actor[] },
  io: Output,
): Promise<SeedChartsTotals> {
  const doctors = options.doctors ?? (await ensureDemoDoctors(ctx));
  const catalogue = chartCatalogue(ctx);
  const started = performance.now();
  const patients = function* () {
    for (const id of patientIds) {
      const row = ctx.store.read((tx) =>
        tx.get<{ birth_date: string; sex: 'male' | 'female' }>('SELECT birth_date, sex FROM patients WHERE id = ?', [
          id,
        ]),
      );
      if (row) yield { id, birthDate: row.birth_date, sex: row.sex };
    }
  };
  const totals = seedCharts(ctx, doctors, patients(), catalogue, {
    seed: options.seed,
    today: isoDay(ctx.clock.now(), ctx.timeZone),
    maxEncounters: 14,
    years: 8,
    doctors: doctors.length,
    onPatient: (sofar) => {
      if (sofar.patients % 10 === 0 || sofar.patients === patientIds.length)
        io.err(`\rcharts: ${sofar.patients} / ${patientIds.length} patients, ${sofar.entries} entries`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  io.err('\n');
  io.out(
    `Wrote ${totals.entries} chart entries and ${totals.amendments} amendments for ${totals.patients} patients ` +
      `in ${seconds.toFixed(1)} s, by ${doctors.map((doctor) => doctor.displayName).join(', ')}`,
  );
  const refused = Object.entries(totals.refused);
  if (refused.length > 0)
    io.out(`  refused by the chart's rules: ${refused.map(([code, n]) => `${code} ×${n}`).join(', ')}`);
  return totals;
}
