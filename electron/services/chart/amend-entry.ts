import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/api/contract';
import type { ServiceContext } from '../../core/context';

/** An amendment; `reportId` links it to the patient's inaccuracy report it answers. */
export type AmendEntryInput = z.output<Contract['chart.amend']['input']> & { reportId?: string | null };
export type RemoveEntryInput = z.output<Contract['chart.remove']['input']>;

/** Amends an entry: the previous version kept as a `chart_revisions` row; refused when `baseRevision` is stale. */
export function amendEntry(ctx: ServiceContext, input: AmendEntryInput): CallOutput<'chart.amend'> {
  void ctx;
  void input;
  throw new Error('amendEntry: not implemented yet');
}

/** A tombstone with its reason (the previous version kept). */
export function removeEntry(ctx: ServiceContext, input: RemoveEntryInput): CallOutput<'chart.remove'> {
  void ctx;
  void input;
  throw new Error('removeEntry: not implemented yet');
}
