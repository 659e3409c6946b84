import type { CallOutput } from '../../../shared/api/contract';
import type { ServiceContext } from '../../core/context';

/** One entry in full, its previous versions, its encounter's entries and its reports; the read is audited. */
export function chartEntryDetail(ctx: ServiceContext, id: string): CallOutput<'chart.entry'> {
  void ctx;
  void id;
  throw new Error('chartEntryDetail: not implemented yet');
}

/** The entry's revision and last change (primary-key read, not audited). */
export function watchEntry(ctx: ServiceContext, id: string): CallOutput<'chart.watch'> {
  void ctx;
  void id;
  throw new Error('watchEntry: not implemented yet');
}
