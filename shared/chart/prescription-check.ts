import type { AdministrationRoute } from './entry-kinds';
import type { PrescriptionBody } from './drafts';
import { convertDose, doseUnitWords, type DoseUnit } from './units';

/**
 * The prescription check (D3, D5): doses against the clinic's formulary, the patient's allergies
 * (an exact substance, or the same АТХ class), and what is already prescribed. A pure function of
 * what the desk's service gathers; the same on every side. Problems carry the measured values.
 */

/** One line of the clinic's formulary (the `formulary` dictionary): a medicine by МНН or АТХ code. */
export interface FormularyRule {
  /** The МНН as the ЕСКЛП writes it (upper case), or null when the rule is by АТХ code. */
  inn: string | null;
  /** An АТХ code (any level: `N02BE01`, `N02BE`); null when by МНН. */
  atc: string | null;
  /** The dosage form as the ЕСКЛП writes it, or null for any. */
  form: string | null;
  route: AdministrationRoute | null;
  unit: DoseUnit;
  /** Age band in whole years: [from, to) — to null: no upper bound. */
  ageFrom: number;
  ageTo: number | null;
  maxSingle: number;
  maxDaily: number;
}

/** What the ЕСКЛП says of the medicine being prescribed. */
export interface MedicineFacts {
  code: string;
  /** МНН (`standard_inn`). */
  inn: string;
  form: string;
  /** АТХ code (`code_atc`), null when the ЕСКЛП gives none. */
  atc: string | null;
  tradeName: string;
}

export interface AllergyFacts {
  entryId: string;
  substance: string;
  /** Upper-cased МНН of the medicine it was recorded from, when a drug. */
  inn: string | null;
  atcClass: string | null;
  /** The АТХ code of the medicine it was recorded from (the ЕСКЛП's), when a drug. */
  atc?: string | null;
  verification: 'confirmed' | 'reported';
}

export interface PrescribedFacts {
  entryId: string;
  medicineCode: string;
  inn: string;
  atc: string | null;
  /** Still active (a duplicate) or over (taken before). */
  active: boolean;
  /** The patient had a reaction recorded to it (an allergy entry made from it). */
  reaction: boolean;
  /** Its first day (named in the duplicate's warning). */
  startOn?: string | null;
}

export interface PrescriptionCheckInput {
  draft: PrescriptionBody;
  medicine: MedicineFacts;
  /** The patient's age in whole years on the start day. */
  ageYears: number;
  allergies: readonly AllergyFacts[];
  prescriptions: readonly PrescribedFacts[];
  formulary: readonly FormularyRule[];
  /** The entry being amended (not a duplicate of itself). */
  selfId: string | null;
}

export const prescriptionProblemCodes = [
  // errors: refused, no override
  'chart.prescription.dates_order',
  'chart.prescription.unit_mismatch',
  'chart.prescription.single_dose_above_max',
  'chart.prescription.daily_dose_above_max',
  // warnings: saved only with a reason, which is kept
  'chart.prescription.not_in_formulary',
  'chart.alert.allergy_exact',
  'chart.alert.allergy_class',
  'chart.alert.duplicate_prescription',
] as const;
export type PrescriptionProblemCode = (typeof prescriptionProblemCodes)[number];

export interface PrescriptionProblem {
  code: PrescriptionProblemCode;
  severity: 'error' | 'warning';
  /** The field it is about (`dose`, `unit`, `stopOn`, `medicineCode`). */
  field: string;
  /** Measured and allowed values, names: filled into the message. */
  params: Record<string, string | number>;
  /** The chart entry it conflicts with (the allergy, the active prescription). */
  entryId: string | null;
}

const upper = (value: string | null | undefined): string => (value ?? '').trim().toUpperCase();
/** Doses are compared after rounding away binary noise (0.1 × 3 is 0.3). */
const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/** ATC level 3 (`J01C`) is the narrowest class an allergy's class may name and still be a class. */
const classMinChars = 4;
/** ATC level 4 (`J01CA`): two drugs sharing it are of one chemical subgroup. */
const subgroupChars = 5;

function ruleMatches(rule: FormularyRule, input: PrescriptionCheckInput): boolean {
  const { medicine, draft, ageYears } = input;
  const byInn = rule.inn !== null && upper(rule.inn) === upper(medicine.inn);
  const byAtc = rule.atc !== null && medicine.atc !== null && upper(medicine.atc).startsWith(upper(rule.atc));
  if (!byInn && !byAtc) return false;
  if (rule.route !== null && rule.route !== draft.route) return false;
  if (rule.form !== null && upper(rule.form) !== upper(medicine.form)) return false;
  return ageYears >= rule.ageFrom && (rule.ageTo === null || ageYears < rule.ageTo);
}

/** The most specific of the matching rules: by МНН before by АТХ, a longer АТХ, a named form and route. */
function specificity(rule: FormularyRule): number {
  return (rule.inn !== null ? 100 : (rule.atc?.length ?? 0) * 10) + (rule.form !== null ? 2 : 0) + (rule.route ? 1 : 0);
}

function doseProblems(input: PrescriptionCheckInput): PrescriptionProblem[] {
  if (input.formulary.length === 0) return [];
  const { draft, medicine } = input;
  const rule = input.formulary
    .filter((candidate) => ruleMatches(candidate, input))
    .sort((a, b) => specificity(b) - specificity(a))[0];
  if (!rule) {
    const params = { inn: medicine.inn, age: input.ageYears, route: draft.route, form: medicine.form };
    return [
      {
        code: 'chart.prescription.not_in_formulary',
        severity: 'warning',
        field: 'medicineCode',
        params,
        entryId: null,
      },
    ];
  }
  const single = convertDose(draft.dose, draft.unit, rule.unit);
  if (single === null) {
    const params = {
      unit: doseUnitWords[draft.unit].ru,
      unitEn: doseUnitWords[draft.unit].en,
      formularyUnit: doseUnitWords[rule.unit].ru,
      formularyUnitEn: doseUnitWords[rule.unit].en,
      inn: medicine.inn,
    };
    return [{ code: 'chart.prescription.unit_mismatch', severity: 'error', field: 'unit', params, entryId: null }];
  }
  const problems: PrescriptionProblem[] = [];
  const common = {
    unit: doseUnitWords[rule.unit].ru,
    unitEn: doseUnitWords[rule.unit].en,
    inn: medicine.inn,
    age: input.ageYears,
  };
  if (round(single) > round(rule.maxSingle)) {
    problems.push({
      code: 'chart.prescription.single_dose_above_max',
      severity: 'error',
      field: 'dose',
      params: { ...common, dose: round(single), max: rule.maxSingle },
      entryId: null,
    });
  }
  const daily = round(single * draft.timesPerDay);
  if (daily > round(rule.maxDaily)) {
    problems.push({
      code: 'chart.prescription.daily_dose_above_max',
      severity: 'error',
      field: 'dose',
      params: { ...common, daily, max: rule.maxDaily },
      entryId: null,
    });
  }
  return problems;
}

function allergyProblem(input: PrescriptionCheckInput, allergy: AllergyFacts): PrescriptionProblem | null {
  const { medicine } = input;
  const inn = upper(medicine.inn);
  const atc = upper(medicine.atc);
  const allergyClass = upper(allergy.atcClass);
  const exact = (allergy.inn !== null && upper(allergy.inn) === inn) || (atc.length === 7 && allergyClass === atc);
  const params = { substance: allergy.substance, inn: medicine.inn };
  if (exact) {
    return {
      code: 'chart.alert.allergy_exact',
      severity: 'warning',
      field: 'medicineCode',
      params,
      entryId: allergy.entryId,
    };
  }
  if (atc === '') return null;
  const drugAtc = upper(allergy.atc);
  const sharedClass =
    allergyClass.length >= classMinChars && atc.startsWith(allergyClass)
      ? allergyClass
      : drugAtc.length >= subgroupChars && drugAtc.slice(0, subgroupChars) === atc.slice(0, subgroupChars)
        ? atc.slice(0, subgroupChars)
        : null;
  if (sharedClass === null) return null;
  // Alert fatigue (D5): the patient has taken this very substance before without a reaction.
  const takenSafely = input.prescriptions.some((taken) => !taken.active && !taken.reaction && upper(taken.inn) === inn);
  if (takenSafely) return null;
  return {
    code: 'chart.alert.allergy_class',
    severity: 'warning',
    field: 'medicineCode',
    params: { ...params, atc: sharedClass },
    entryId: allergy.entryId,
  };
}

function duplicateProblem(input: PrescriptionCheckInput): PrescriptionProblem | null {
  const inn = upper(input.medicine.inn);
  const active = input.prescriptions.find(
    (taken) => taken.active && taken.entryId !== input.selfId && upper(taken.inn) === inn,
  );
  if (!active) return null;
  return {
    code: 'chart.alert.duplicate_prescription',
    severity: 'warning',
    field: 'medicineCode',
    params: { inn: input.medicine.inn, startOn: active.startOn ?? '' },
    entryId: active.entryId,
  };
}

/**
 * Checks a prescription: errors (dates in the wrong order, a unit that does not convert to the
 * formulary's, a single or daily dose above its maximum) refuse it; warnings (not in the
 * formulary, an allergy to the substance or its class, the same МНН already active) need a
 * reason. Errors come first. No formulary imported: no dose checks and no formulary warning.
 */
export function checkPrescription(input: PrescriptionCheckInput): PrescriptionProblem[] {
  const { draft } = input;
  const problems: PrescriptionProblem[] = [];
  if (draft.stopOn !== null && draft.stopOn < draft.startOn) {
    problems.push({
      code: 'chart.prescription.dates_order',
      severity: 'error',
      field: 'stopOn',
      params: { startOn: draft.startOn, stopOn: draft.stopOn },
      entryId: null,
    });
  }
  problems.push(...doseProblems(input));
  for (const allergy of input.allergies) {
    const problem = allergyProblem(input, allergy);
    if (problem) problems.push(problem);
  }
  const duplicate = duplicateProblem(input);
  if (duplicate) problems.push(duplicate);
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')];
}
