import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/api/contract';
import type { ServiceContext } from '../../core/context';

type Input = z.output<Contract['chart.history']['input']>;

/** A page of the patient's history, newest first, from the covering index `chart_history`; the read is audited. */
export function chartHistory(ctx: ServiceContext, input: Input): CallOutput<'chart.history'> {
  void ctx;
  void input;
  throw new Error('chartHistory: not implemented yet');
}
