import type { ServiceContext } from '../core/context';
import { lookup, searchEntries } from '../services/dictionaries/lookup';
import { demoAllergies, demoConditions } from './chart-conditions';
import type { ChartCatalogue, DemoMedicine } from './synthetic-charts';

/** Dictionaries a demo chart codes from, and the one it can do without (no procedures then). */
export const chartDictionaries = { required: ['icd10', 'medicines'], optional: ['services'] } as const;

/** The dictionaries of `chartDictionaries.required` with no active version on the desk. */
export function missingChartDictionaries(ctx: Pick<ServiceContext, 'store'>): string[] {
  return chartDictionaries.required.filter((name) => !hasActive(ctx, name));
}

function hasActive(ctx: Pick<ServiceContext, 'store'>, name: string): boolean {
  return ctx.store.read(
    (tx) =>
      tx.get<{ one: number }>('SELECT 1 AS one FROM dictionaries WHERE name = ? AND active = 1', [name]) !== undefined,
  );
}

const solidForm = /^(ТАБЛЕТКИ|КАПСУЛЫ)/u;
const milligrams = /^(\d+(?:[.,]\d+)?)\s*мг$/u;

/**
 * A medicine entry as the ЕСКЛП import keeps it (`data.inn`, `data.form`, `data.dose`), or
 * null when it is not one tablet or capsule of a plain strength in mg (the demo prescribes those).
 */
function demoMedicine(code: string, data: Record<string, unknown>): DemoMedicine | null {
  const inn = typeof data.inn === 'string' ? data.inn.trim().toLowerCase() : '';
  const form = typeof data.form === 'string' ? data.form.trim() : '';
  const dose = typeof data.dose === 'string' ? data.dose.trim() : '';
  const strength = milligrams.exec(dose);
  if (!inn || !solidForm.test(form.toUpperCase()) || !strength) return null;
  return { code, inn, form, doseMg: Number(strength[1]!.replace(',', '.')) };
}

/**
 * What the desk's active dictionaries offer the demo: the conditions' МКБ-10 codes that are
 * codable and current, the ЕСКЛП tablets and capsules of the conditions' and allergies' МНН,
 * and the НСИ 1070 services (when imported).
 */
export function chartCatalogue(ctx: Pick<ServiceContext, 'store'>): ChartCatalogue {
  const diagnoses = new Set<string>();
  for (const condition of demoConditions) {
    const entry = lookup(ctx, 'icd10', condition.icd10);
    if (entry && !entry.retired && entry.data.codable !== false) diagnoses.add(condition.icd10);
  }
  const inns = new Set<string>(['азитромицин']);
  for (const condition of demoConditions) for (const use of condition.medicines) inns.add(use.inn);
  for (const allergy of demoAllergies) if (allergy.inn) inns.add(allergy.inn);
  const medicines = new Map<string, DemoMedicine[]>();
  for (const inn of inns) {
    const found = searchEntries(ctx, 'medicines', inn, { limit: 200 })
      .map((entry) => demoMedicine(entry.code, entry.data as Record<string, unknown>))
      .filter((medicine): medicine is DemoMedicine => medicine !== null && medicine.inn === inn);
    if (found.length > 0) medicines.set(inn, found);
  }
  const services = new Set<string>();
  if (hasActive(ctx, 'services')) {
    for (const condition of demoConditions) {
      for (const code of condition.services) {
        const entry = lookup(ctx, 'services', code);
        if (entry && !entry.retired) services.add(code);
      }
    }
  }
  return { diagnoses, medicines, services };
}
