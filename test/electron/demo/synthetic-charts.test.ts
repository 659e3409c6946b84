import { describe, expect, it } from 'vitest';
import { chartDraftSchema, labFlag } from '../../../shared/chart/drafts';
import { demoConditions } from '../../../electron/demo/chart-conditions';
import {
  syntheticChart,
  type ChartCatalogue,
  type ChartStep,
  type DemoMedicine,
} from '../../../electron/demo/synthetic-charts';

const medicine = (inn: string, doseMg: number, i: number): DemoMedicine => ({
  code: `smnn-${inn}-${doseMg}-${i}`,
  inn,
  form: 'ТАБЛЕТКИ',
  doseMg,
});

/** A catalogue as a desk with the МКБ-10, the ЕСКЛП and the НМУ imported offers it. */
const catalogue: ChartCatalogue = {
  diagnoses: new Set(demoConditions.map((condition) => condition.icd10)),
  medicines: new Map(
    [...new Set([...demoConditions.flatMap((c) => c.medicines.map((m) => m.inn)), 'азитромицин', 'ибупрофен'])].map(
      (inn) => {
        const doses = demoConditions.flatMap((c) => c.medicines.filter((m) => m.inn === inn).flatMap((m) => m.doses));
        return [inn, [...new Set([...doses, 500, 200])].map((dose, i) => medicine(inn, dose, i))];
      },
    ),
  ),
  services: new Set(demoConditions.flatMap((condition) => condition.services)),
};
const options = { today: '2026-12-07', doctors: 3, maxEncounters: 14, years: 8 };
const adult = { birthDate: '1958-03-14', sex: 'female' as const };

const patientOf = (i: number) => ({
  birthDate: `${1940 + ((i * 7) % 86)}-0${1 + (i % 9)}-15`,
  sex: i % 2 ? ('male' as const) : ('female' as const),
});

function many(count: number): ChartStep[][] {
  return Array.from({ length: count }, (_, i) => syntheticChart(1000 + i, patientOf(i), catalogue, options));
}

describe('demo charts (issue 12, item 8)', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(syntheticChart(7, adult, catalogue, options)).toEqual(syntheticChart(7, adult, catalogue, options));
    expect(syntheticChart(8, adult, catalogue, options)).not.toEqual(syntheticChart(7, adult, catalogue, options));
  });

  it('write only drafts the chart accepts, dated before today and after birth, with codes from the dictionaries', () => {
    for (const [i, steps] of many(200).entries()) {
      for (const step of steps) {
        const draft = chartDraftSchema.parse(step.draft);
        const body = draft.body as Record<string, unknown>;
        const day = String(
          body.at ?? body.establishedOn ?? body.startOn ?? body.takenOn ?? body.notedOn ?? body.performedOn,
        );
        expect(day.slice(0, 10) < options.today).toBe(true);
        expect(day.slice(0, 10) > patientOf(i).birthDate).toBe(true);
        if (draft.kind === 'diagnosis') expect(catalogue.diagnoses.has(draft.body.icd10)).toBe(true);
        if (draft.kind === 'procedure') expect(catalogue.services.has(draft.body.serviceCode)).toBe(true);
        if (draft.kind === 'prescription') {
          const known = [...catalogue.medicines.values()].flat().some((m) => m.code === draft.body.medicineCode);
          expect(known).toBe(true);
          if (draft.body.stopOn) expect(draft.body.stopOn >= draft.body.startOn).toBe(true);
        }
        if (draft.kind === 'lab_result' && typeof draft.body.value === 'number')
          expect(draft.body.flag).toBe(labFlag(draft.body.value, draft.body.referenceLow, draft.body.referenceHigh));
      }
    }
  });

  it('have visits over years, several doctors and departments, flagged results, allergies and a few amendments', () => {
    const all = many(300).flat();
    const encounters = all.filter((step) => step.op === 'record' && step.draft.kind === 'encounter');
    const years = new Set(encounters.map((step) => String((step.draft.body as { at: string }).at).slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(6);
    expect(new Set(encounters.map((step) => step.doctor)).size).toBe(3);
    expect(
      new Set(encounters.map((step) => (step.draft.body as { department: string }).department)).size,
    ).toBeGreaterThan(5);
    const flags = all.flatMap((step) => (step.draft.kind === 'lab_result' ? [step.draft.body.flag] : []));
    expect(flags).toContain('high');
    expect(flags).toContain('normal');
    const allergies = all.filter((step) => step.draft.kind === 'allergy');
    expect(allergies.some((step) => (step.draft.body as { atcClass: string | null }).atcClass === 'J01C')).toBe(true);
    const amendments = all.filter((step) => step.op === 'amend');
    expect(amendments.length).toBeGreaterThan(0);
    expect(amendments.length).toBeLessThan(encounters.length / 10);
  });

  it('never prescribe a penicillin to a patient with a penicillin allergy, and amend only entries written before', () => {
    for (const steps of many(400)) {
      const allergic = steps.some((step) => step.draft.kind === 'allergy' && step.draft.body.atcClass === 'J01C');
      const recorded = new Set<number>();
      for (const step of steps) {
        if (step.op === 'amend') expect(recorded.has(step.ref)).toBe(true);
        else {
          recorded.add(step.ref);
          if (step.encounterRef !== null) expect(recorded.has(step.encounterRef)).toBe(true);
        }
        if (allergic && step.draft.kind === 'prescription')
          expect(step.draft.body.medicineCode.startsWith('smnn-амоксициллин')).toBe(false);
      }
    }
  });

  it('writes nothing the dictionaries cannot code: no МКБ-10, no chart', () => {
    expect(syntheticChart(1, adult, { ...catalogue, diagnoses: new Set() }, options)).toEqual([]);
    const noDrugs = syntheticChart(1, adult, { ...catalogue, medicines: new Map() }, options);
    expect(noDrugs.some((step) => step.draft.kind === 'prescription')).toBe(false);
  });
});
