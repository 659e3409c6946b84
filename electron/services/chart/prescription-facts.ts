import type { AllergyBody, PrescriptionBody } from '../../../shared/chart/drafts';
import {
  checkPrescription,
  type AllergyFacts,
  type MedicineFacts,
  type PrescribedFacts,
  type PrescriptionProblem,
} from '../../../shared/chart/prescription-check';
import type { ServiceContext } from '../../core/context';
import type { ReadTx } from '../../store/open-store';
import { formularyRules, medicineFacts } from '../dictionaries/chart-facts';
import { ageYearsOn, type ChartPatient } from './entry-context';
import { requireMedicine } from './nsi-codes';

type FactsContext = Pick<ServiceContext, 'store'>;

/** Medicines by code, each read once per check (a long history names the same few many times). */
function medicineCache(ctx: FactsContext): (code: string | null) => MedicineFacts | null {
  const seen = new Map<string, MedicineFacts | null>();
  return (code) => {
    if (code === null) return null;
    if (!seen.has(code)) seen.set(code, medicineFacts(ctx, code));
    return seen.get(code) ?? null;
  };
}

interface BodyRow {
  id: string;
  status: string | null;
  body: string;
}

/** The patient's allergies in force and every prescription not removed, as the check takes them. */
function patientFacts(
  ctx: FactsContext,
  tx: ReadTx,
  patientId: string,
): { allergies: AllergyFacts[]; prescriptions: PrescribedFacts[] } {
  const medicine = medicineCache(ctx);
  const rows = (kind: string) =>
    tx.all<BodyRow>(
      'SELECT id, status, body FROM chart_entries WHERE patient_id = ? AND kind = ? AND deleted_at IS NULL',
      [patientId, kind],
    );
  const allergyRows = rows('allergy').map((row) => ({ row, body: JSON.parse(row.body) as AllergyBody }));
  const allergies = allergyRows
    .filter(({ row }) => row.status === 'active')
    .map(({ row, body }): AllergyFacts => {
      const drug = medicine(body.medicineCode);
      return {
        entryId: row.id,
        substance: body.substance,
        // A substance typed by hand ("Парацетамол") is its own МНН: the check compares it as one.
        inn: (drug ? drug.inn : body.substance).toUpperCase(),
        atcClass: body.atcClass,
        atc: drug?.atc ?? null,
        verification: body.verification,
      };
    });
  // A reaction to a drug is an allergy recorded from it (in force or not).
  const reactedTo = new Set(allergyRows.map(({ body }) => medicine(body.medicineCode)?.inn.toUpperCase()));
  // Active prescriptions in full (duplicates name their start); of the past ones only which
  // medicines were taken — one row per medicine, no body to parse (a long history repeats a few).
  const active = tx
    .all<BodyRow>(
      `SELECT id, status, body FROM chart_entries
       WHERE patient_id = ? AND kind = 'prescription' AND status = 'active' AND deleted_at IS NULL`,
      [patientId],
    )
    .map((row) => ({ id: row.id, body: JSON.parse(row.body) as PrescriptionBody }))
    .map(({ id, body }) => ({ id, code: body.medicineCode, startOn: body.startOn, active: true }));
  const past = tx
    .all<{ id: string; code: string }>(
      // The (patient, kind, status) index: the planner would otherwise walk the whole history's
      // covering index for a long chart (measured 3–7 ms against 1 ms, bench/chart.bench.ts).
      `SELECT max(id) AS id, code FROM chart_entries INDEXED BY chart_entries_kind
       WHERE patient_id = ? AND kind = 'prescription' AND status <> 'active' AND deleted_at IS NULL AND code IS NOT NULL
       GROUP BY code`,
      [patientId],
    )
    .map((row) => ({ id: row.id, code: row.code, startOn: undefined, active: false }));
  const prescriptions = [...active, ...past].flatMap((row): PrescribedFacts[] => {
    const drug = medicine(row.code);
    if (!drug) return [];
    return [
      {
        entryId: row.id,
        medicineCode: row.code,
        inn: drug.inn,
        atc: drug.atc,
        active: row.active,
        reaction: reactedTo.has(drug.inn.toUpperCase()),
        ...(row.startOn === undefined ? {} : { startOn: row.startOn }),
      },
    ];
  });
  return { allergies, prescriptions };
}

/**
 * Everything the prescription check needs, gathered for the patient (the medicine from the
 * ЕСКЛП, the allergies, the prescriptions, the age on the start day, the formulary), then the
 * check. `fieldPrefix` is where the draft sits in the call's input.
 */
export function prescriptionProblems(
  ctx: FactsContext,
  tx: ReadTx,
  patient: ChartPatient,
  draft: PrescriptionBody,
  selfId: string | null,
  fieldPrefix: string,
): { medicine: MedicineFacts; problems: PrescriptionProblem[] } {
  const medicine = requireMedicine(ctx, draft.medicineCode, `${fieldPrefix}medicineCode`);
  const problems = checkPrescription({
    draft,
    medicine,
    ageYears: ageYearsOn(patient, draft.startOn),
    ...patientFacts(ctx, tx, patient.id),
    formulary: formularyRules(ctx),
    selfId,
  });
  return { medicine, problems };
}
