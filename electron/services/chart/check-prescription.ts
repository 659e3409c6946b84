import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/api/contract';
import type { ServiceContext } from '../../core/context';
import { requireChartPatient } from './entry-context';
import { prescriptionProblems } from './prescription-facts';

type Input = z.output<Contract['chart.checkPrescription']['input']>;

/**
 * The check as the doctor types: gathers the patient's allergies, prescriptions, age and the
 * formulary, then runs shared/chart/prescription-check.ts. Nothing written, not audited.
 */
export function checkPrescriptionFor(ctx: ServiceContext, input: Input): CallOutput<'chart.checkPrescription'> {
  return ctx.store.read((tx) => {
    const patient = requireChartPatient(tx, input.patientId);
    return { problems: prescriptionProblems(ctx, tx, patient, input.draft, input.selfId, 'draft.').problems };
  });
}
