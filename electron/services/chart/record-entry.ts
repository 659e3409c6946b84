import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/api/contract';
import type { ServiceContext } from '../../core/context';

export type RecordEntryInput = z.output<Contract['chart.record']['input']>;

/** A new chart entry through the door, checked against the НСИ and the prescription check. */
export function recordEntry(ctx: ServiceContext, input: RecordEntryInput): CallOutput<'chart.record'> {
  void ctx;
  void input;
  throw new Error('recordEntry: not implemented yet');
}
