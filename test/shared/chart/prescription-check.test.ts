import { describe, expect, it } from 'vitest';
import { prescriptionBodySchema } from '../../../shared/chart/drafts';
import {
  checkPrescription,
  type AllergyFacts,
  type FormularyRule,
  type PrescribedFacts,
  type PrescriptionCheckInput,
} from '../../../shared/chart/prescription-check';

const paracetamol = { code: 'SMNN-1', inn: 'ПАРАЦЕТАМОЛ', form: 'ТАБЛЕТКИ', atc: 'N02BE01', tradeName: 'Панадол' };
const amoxicillin = { code: 'SMNN-2', inn: 'АМОКСИЦИЛЛИН', form: 'КАПСУЛЫ', atc: 'J01CA04', tradeName: 'Флемоксин' };

const rule = (overrides: Partial<FormularyRule> = {}): FormularyRule => ({
  inn: 'Парацетамол',
  atc: null,
  form: null,
  route: 'oral',
  unit: 'mg',
  ageFrom: 12,
  ageTo: null,
  maxSingle: 1000,
  maxDaily: 4000,
  ...overrides,
});

function input(overrides: Omit<Partial<PrescriptionCheckInput>, 'draft'> & { draft?: Record<string, unknown> } = {}) {
  const { draft, ...rest } = overrides;
  return {
    draft: prescriptionBodySchema.parse({
      medicineCode: 'SMNN-1',
      dose: 500,
      unit: 'mg',
      timesPerDay: 3,
      route: 'oral',
      startOn: '2026-11-20',
      ...draft,
    }),
    medicine: paracetamol,
    ageYears: 40,
    allergies: [],
    prescriptions: [],
    formulary: [rule()],
    selfId: null,
    ...rest,
  } satisfies PrescriptionCheckInput;
}

const allergy = (overrides: Partial<AllergyFacts>): AllergyFacts => ({
  entryId: 'allergy-1',
  substance: 'Пенициллины',
  inn: null,
  atcClass: null,
  verification: 'confirmed',
  ...overrides,
});

const taken = (overrides: Partial<PrescribedFacts>): PrescribedFacts => ({
  entryId: 'rx-1',
  medicineCode: 'SMNN-2',
  inn: 'АМОКСИЦИЛЛИН',
  atc: 'J01CA04',
  active: false,
  reaction: false,
  startOn: '2025-03-01',
  ...overrides,
});

const codes = (problems: ReturnType<typeof checkPrescription>) => problems.map((problem) => problem.code);

describe('the prescription check (D3, D5)', () => {
  it('passes a dose within the formulary, with nothing else on the chart', () => {
    expect(checkPrescription(input())).toEqual([]);
  });

  it('refuses a stop day before the start day, on stopOn', () => {
    expect(checkPrescription(input({ draft: { stopOn: '2026-11-19' } }))).toEqual([
      expect.objectContaining({
        code: 'chart.prescription.dates_order',
        severity: 'error',
        field: 'stopOn',
        params: { startOn: '2026-11-20', stopOn: '2026-11-19' },
      }),
    ]);
    expect(checkPrescription(input({ draft: { stopOn: '2026-11-20' } }))).toEqual([]);
  });

  it('refuses a single dose above the maximum with the measured value, converted into the rule’s unit', () => {
    const [problem] = checkPrescription(input({ draft: { dose: 1.5, unit: 'g', timesPerDay: 1 } }));
    expect(problem).toEqual({
      code: 'chart.prescription.single_dose_above_max',
      severity: 'error',
      field: 'dose',
      params: { dose: 1500, max: 1000, unit: 'мг', unitEn: 'mg', inn: 'ПАРАЦЕТАМОЛ', age: 40 },
      entryId: null,
    });
  });

  it('refuses a daily total above the maximum even when each dose is allowed', () => {
    const problems = checkPrescription(input({ draft: { dose: 1000, timesPerDay: 5 } }));
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'chart.prescription.daily_dose_above_max',
        params: { daily: 5000, max: 4000, unit: 'мг', unitEn: 'mg', inn: 'ПАРАЦЕТАМОЛ', age: 40 },
      }),
    ]);
    expect(checkPrescription(input({ draft: { dose: 1000, timesPerDay: 4 } }))).toEqual([]);
  });

  it('does not count binary noise as an excess (0.1 g × 3 against 300 mg a day)', () => {
    const formulary = [rule({ maxSingle: 100, maxDaily: 300 })];
    expect(checkPrescription(input({ formulary, draft: { dose: 0.1, unit: 'g', timesPerDay: 3 } }))).toEqual([]);
  });

  it('refuses a unit that does not convert to the formulary’s', () => {
    expect(checkPrescription(input({ draft: { unit: 'ml' } }))).toEqual([
      expect.objectContaining({
        code: 'chart.prescription.unit_mismatch',
        severity: 'error',
        field: 'unit',
        params: { unit: 'мл', unitEn: 'ml', formularyUnit: 'мг', formularyUnitEn: 'mg', inn: 'ПАРАЦЕТАМОЛ' },
      }),
    ]);
  });

  it('matches the formulary by АТХ prefix, and picks the age band the patient is in', () => {
    const formulary = [
      rule({ inn: null, atc: 'N02BE', ageFrom: 0, ageTo: 12, maxSingle: 250, maxDaily: 1000 }),
      rule({ inn: null, atc: 'N02BE', ageFrom: 12, ageTo: null, maxSingle: 1000, maxDaily: 4000 }),
    ];
    expect(checkPrescription(input({ formulary }))).toEqual([]);
    expect(codes(checkPrescription(input({ formulary, ageYears: 6 })))).toEqual([
      'chart.prescription.single_dose_above_max',
      'chart.prescription.daily_dose_above_max',
    ]);
  });

  it('warns when no rule fits the medicine, route, form or age; quiet when no formulary is imported', () => {
    expect(checkPrescription(input({ draft: { route: 'rectal' } }))).toEqual([
      expect.objectContaining({ code: 'chart.prescription.not_in_formulary', severity: 'warning' }),
    ]);
    expect(codes(checkPrescription(input({ formulary: [rule({ form: 'СУППОЗИТОРИИ' })] })))).toEqual([
      'chart.prescription.not_in_formulary',
    ]);
    expect(codes(checkPrescription(input({ ageYears: 5 })))).toEqual(['chart.prescription.not_in_formulary']);
    expect(checkPrescription(input({ formulary: [], draft: { dose: 100_000 } }))).toEqual([]);
  });

  it('warns of an exact allergy by МНН or by the full АТХ code', () => {
    const byInn = checkPrescription(
      input({ allergies: [allergy({ substance: 'Парацетамол', inn: 'ПАРАЦЕТАМОЛ', entryId: 'a-1' })] }),
    );
    expect(byInn).toEqual([
      {
        code: 'chart.alert.allergy_exact',
        severity: 'warning',
        field: 'medicineCode',
        params: { substance: 'Парацетамол', inn: 'ПАРАЦЕТАМОЛ' },
        entryId: 'a-1',
      },
    ]);
    expect(codes(checkPrescription(input({ allergies: [allergy({ atcClass: 'N02BE01' })] })))).toEqual([
      'chart.alert.allergy_exact',
    ]);
  });

  it('warns of the same class by the allergy’s АТХ class, or by its drug’s АТХ subgroup', () => {
    const formulary: FormularyRule[] = [];
    const byClass = checkPrescription(
      input({ medicine: amoxicillin, formulary, allergies: [allergy({ atcClass: 'J01C' })] }),
    );
    expect(byClass).toEqual([
      expect.objectContaining({
        code: 'chart.alert.allergy_class',
        params: { substance: 'Пенициллины', inn: 'АМОКСИЦИЛЛИН', atc: 'J01C' },
      }),
    ]);
    const byDrug = checkPrescription(
      input({
        medicine: amoxicillin,
        formulary,
        allergies: [allergy({ substance: 'Ампициллин', inn: 'АМПИЦИЛЛИН', atc: 'J01CA01' })],
      }),
    );
    expect(byDrug).toEqual([
      expect.objectContaining({ code: 'chart.alert.allergy_class', params: expect.objectContaining({ atc: 'J01CA' }) }),
    ]);
  });

  it('does not call a level-2 group a class, nor another subgroup the same one', () => {
    const formulary: FormularyRule[] = [];
    expect(
      checkPrescription(input({ medicine: amoxicillin, formulary, allergies: [allergy({ atcClass: 'J01' })] })),
    ).toEqual([]);
    expect(
      checkPrescription(
        input({ medicine: amoxicillin, formulary, allergies: [allergy({ inn: 'ЦЕФАЛЕКСИН', atc: 'J01DB01' })] }),
      ),
    ).toEqual([]);
  });

  it('stays quiet on a class match when the patient took this МНН before without a reaction (alert fatigue)', () => {
    const base = { medicine: amoxicillin, formulary: [], allergies: [allergy({ atcClass: 'J01C' })] };
    expect(checkPrescription(input({ ...base, prescriptions: [taken({})] }))).toEqual([]);
    // …but not when it caused a reaction, is still being taken, or was another substance.
    expect(codes(checkPrescription(input({ ...base, prescriptions: [taken({ reaction: true })] })))).toEqual([
      'chart.alert.allergy_class',
    ]);
    expect(codes(checkPrescription(input({ ...base, prescriptions: [taken({ inn: 'АМПИЦИЛЛИН' })] })))).toEqual([
      'chart.alert.allergy_class',
    ]);
  });

  it('never stays quiet on an exact match, whatever was taken before', () => {
    const problems = checkPrescription(
      input({
        medicine: amoxicillin,
        formulary: [],
        allergies: [allergy({ substance: 'Амоксициллин', inn: 'АМОКСИЦИЛЛИН' })],
        prescriptions: [taken({})],
      }),
    );
    expect(codes(problems)).toEqual(['chart.alert.allergy_exact']);
  });

  it('warns of the same МНН already active, naming it, but not of the prescription being amended', () => {
    const active = taken({ entryId: 'rx-7', inn: 'Парацетамол', active: true, startOn: '2026-11-01' });
    expect(checkPrescription(input({ prescriptions: [active] }))).toEqual([
      {
        code: 'chart.alert.duplicate_prescription',
        severity: 'warning',
        field: 'medicineCode',
        params: { inn: 'ПАРАЦЕТАМОЛ', startOn: '2026-11-01' },
        entryId: 'rx-7',
      },
    ]);
    expect(checkPrescription(input({ prescriptions: [active], selfId: 'rx-7' }))).toEqual([]);
    expect(checkPrescription(input({ prescriptions: [{ ...active, active: false }] }))).toEqual([]);
  });

  it('lists errors before warnings, and is deterministic', () => {
    const busy = input({
      draft: { dose: 2000, stopOn: '2026-01-01' },
      allergies: [allergy({ inn: 'ПАРАЦЕТАМОЛ' })],
      prescriptions: [taken({ inn: 'ПАРАЦЕТАМОЛ', active: true })],
    });
    expect(codes(checkPrescription(busy))).toEqual([
      'chart.prescription.dates_order',
      'chart.prescription.single_dose_above_max',
      'chart.prescription.daily_dose_above_max',
      'chart.alert.allergy_exact',
      'chart.alert.duplicate_prescription',
    ]);
    expect(checkPrescription(busy)).toEqual(checkPrescription(busy));
  });
});
