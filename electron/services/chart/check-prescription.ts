import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/api/contract';
import type { ServiceContext } from '../../core/context';

type Input = z.output<Contract['chart.checkPrescription']['input']>;

/** Gathers the patient's allergies, prescriptions, age and the formulary, then runs shared/chart/prescription-check.ts. */
export function checkPrescriptionFor(ctx: ServiceContext, input: Input): CallOutput<'chart.checkPrescription'> {
  void ctx;
  void input;
  throw new Error('checkPrescriptionFor: not implemented yet');
}
