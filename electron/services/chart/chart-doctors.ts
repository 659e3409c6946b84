import type { CallOutput } from '../../../shared/api/contract';
import type { ServiceContext } from '../../core/context';

/** Active doctors and anyone who wrote in a chart, by name. */
export function chartDoctors(ctx: ServiceContext): CallOutput<'chart.doctors'> {
  void ctx;
  throw new Error('chartDoctors: not implemented yet');
}
