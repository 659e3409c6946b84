import { z } from 'zod';
import {
  administrationRoutes,
  allergySeverities,
  allergyStatuses,
  allergyVerifications,
  chartDocumentTypes,
  diagnosisRoles,
  diagnosisStatuses,
  labFlags,
  prescriptionStatuses,
  visitTypes,
} from './entry-kinds';
import { doseUnits } from './units';

/**
 * What a doctor writes for each kind of chart entry: the entry's `body`, validated by the same
 * schema on the desk, the server and in the cabinet. Dates are ISO calendar days (`2026-12-07`),
 * times ISO instants. Codes are checked against the active НСИ dictionary by the desk's service
 * (a code not in it: `chart.code.unknown`), not here.
 */
const isoDay = z.iso.date();
const isoInstant = z.iso.datetime({ offset: true });
/** Free clinical text: trimmed, at most 20,000 characters (a long examination), may be empty. */
const clinicalText = z.string().trim().max(20_000).default('');
const shortText = z.string().trim().max(500);
/** A code of an НСИ dictionary as it is written there. */
export const nsiCodeSchema = z.string().trim().min(1).max(64);

export const encounterBodySchema = z.strictObject({
  /** When the visit took place (not in the future: `chart.date.future`). */
  at: isoInstant,
  visitType: z.enum(visitTypes),
  /** The department's name as the clinic calls it. */
  department: shortText.min(1),
  complaints: clinicalText,
  history: clinicalText,
  examination: clinicalText,
  conclusion: clinicalText,
});

export const diagnosisBodySchema = z.strictObject({
  /** МКБ-10 (НСИ 1.2.643.5.1.13.13.11.1005): a codable entry of the active version. */
  icd10: nsiCodeSchema,
  role: z.enum(diagnosisRoles),
  status: z.enum(diagnosisStatuses).default('active'),
  establishedOn: isoDay,
  resolvedOn: isoDay.nullable().default(null),
  comment: z.string().trim().max(2000).default(''),
});

export const procedureBodySchema = z.strictObject({
  /** Номенклатура медицинских услуг (НСИ 1.2.643.5.1.13.13.11.1070). */
  serviceCode: nsiCodeSchema,
  performedOn: isoDay,
  comment: z.string().trim().max(2000).default(''),
});

const positiveAmount = z.number().positive().max(1_000_000);

export const prescriptionBodySchema = z.strictObject({
  /** ЕСКЛП, узел СМНН (НСИ 1.2.643.5.1.13.13.99.2.611): the medicine's code. */
  medicineCode: nsiCodeSchema,
  dose: positiveAmount,
  unit: z.enum(doseUnits),
  /** Times a day. */
  timesPerDay: z.number().int().min(1).max(24),
  route: z.enum(administrationRoutes),
  /** Days; null: until stopped. */
  durationDays: z.number().int().min(1).max(3650).nullable().default(null),
  startOn: isoDay,
  stopOn: isoDay.nullable().default(null),
  status: z.enum(prescriptionStatuses).default('active'),
  comment: z.string().trim().max(2000).default(''),
});

export const allergyBodySchema = z.strictObject({
  /** The substance in words (МНН or a non-drug substance). */
  substance: shortText.min(1),
  /** The ЕСКЛП medicine it was recorded from, when it is a drug (gives the АТХ class). */
  medicineCode: nsiCodeSchema.nullable().default(null),
  /** The АТХ code of the substance's class (e.g. `J01C` penicillins); null for a non-drug substance. */
  atcClass: z
    .string()
    .trim()
    .regex(/^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/)
    .nullable()
    .default(null),
  reaction: shortText.min(1),
  severity: z.enum(allergySeverities),
  verification: z.enum(allergyVerifications),
  status: z.enum(allergyStatuses).default('active'),
  notedOn: isoDay,
});

export const labResultBodySchema = z.strictObject({
  /** The test's name, and its code where the clinic has one (НСИ 1070 for a service). */
  test: shortText.min(1),
  testCode: nsiCodeSchema.nullable().default(null),
  /** A number, or a text result ("отрицательно"). */
  value: z.union([z.number().finite(), shortText.min(1)]),
  unit: z.string().trim().max(40).default(''),
  referenceLow: z.number().finite().nullable().default(null),
  referenceHigh: z.number().finite().nullable().default(null),
  /** Computed from the value and the range by `labFlag` when numeric; given for a text result. */
  flag: z.enum(labFlags).nullable().default(null),
  takenOn: isoDay,
  /** A scan of the laboratory's report (document_scans id), if any. */
  scanId: z.uuid().nullable().default(null),
  comment: z.string().trim().max(2000).default(''),
});

export const documentBodySchema = z.strictObject({
  type: z.enum(chartDocumentTypes),
  /** The document's own date. */
  date: isoDay,
  title: shortText.min(1),
  comment: z.string().trim().max(2000).default(''),
  /** The file (document_scans id: format by content, size, SHA-256 checked on the way in). */
  scanId: z.uuid(),
});

export const chartBodySchemas = {
  encounter: encounterBodySchema,
  diagnosis: diagnosisBodySchema,
  procedure: procedureBodySchema,
  prescription: prescriptionBodySchema,
  allergy: allergyBodySchema,
  lab_result: labResultBodySchema,
  document: documentBodySchema,
} as const;

export type EncounterBody = z.output<typeof encounterBodySchema>;
export type DiagnosisBody = z.output<typeof diagnosisBodySchema>;
export type ProcedureBody = z.output<typeof procedureBodySchema>;
export type PrescriptionBody = z.output<typeof prescriptionBodySchema>;
export type AllergyBody = z.output<typeof allergyBodySchema>;
export type LabResultBody = z.output<typeof labResultBodySchema>;
export type DocumentBody = z.output<typeof documentBodySchema>;

/** One entry as written: its kind and body together (a discriminated union on `kind`). */
export const chartDraftSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('encounter'), body: encounterBodySchema }),
  z.strictObject({ kind: z.literal('diagnosis'), body: diagnosisBodySchema }),
  z.strictObject({ kind: z.literal('procedure'), body: procedureBodySchema }),
  z.strictObject({ kind: z.literal('prescription'), body: prescriptionBodySchema }),
  z.strictObject({ kind: z.literal('allergy'), body: allergyBodySchema }),
  z.strictObject({ kind: z.literal('lab_result'), body: labResultBodySchema }),
  z.strictObject({ kind: z.literal('document'), body: documentBodySchema }),
]);
export type ChartDraft = z.output<typeof chartDraftSchema>;
export type ChartDraftInput = z.input<typeof chartDraftSchema>;

/** The flag of a numeric result against its range (null bounds are open). */
export function labFlag(value: number, low: number | null, high: number | null): 'normal' | 'low' | 'high' {
  if (low !== null && value < low) return 'low';
  if (high !== null && value > high) return 'high';
  return 'normal';
}
