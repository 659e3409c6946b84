import type { AdministrationRoute } from './entry-kinds';
import type { PrescriptionBody } from './drafts';
import type { DoseUnit } from './units';

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
