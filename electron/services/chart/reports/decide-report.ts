import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../../shared/api/contract';
import type { ServiceContext } from '../../../core/context';

type AcceptInput = z.output<Contract['chart.reports.accept']['input']>;

/** Accept: amend the entry (linked to the report) and close the report, in one transaction. */
export function acceptReport(ctx: ServiceContext, input: AcceptInput): CallOutput<'chart.reports.accept'> {
  void ctx;
  void input;
  throw new Error('acceptReport: not implemented yet');
}

/** Decline with a reason the patient reads. */
export function declineReport(ctx: ServiceContext, id: string, reason: string): CallOutput<'chart.reports.decline'> {
  void ctx;
  void id;
  void reason;
  throw new Error('declineReport: not implemented yet');
}
