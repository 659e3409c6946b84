import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../../shared/api/contract';
import type { ServiceContext } from '../../../core/context';

type Input = z.output<Contract['chart.reports.queue']['input']>;

/** The reviewer queue of inaccuracy reports, nearest deadline first; the read is audited. */
export function reportQueue(ctx: ServiceContext, input: Input): CallOutput<'chart.reports.queue'> {
  void ctx;
  void input;
  throw new Error('reportQueue: not implemented yet');
}
