import type { CallOutput } from '../../../../shared/api/contract';
import type { ServiceContext } from '../../../core/context';

/** The patient's consents to share and the sendings made under them. */
export function listShares(ctx: ServiceContext, patientId: string): CallOutput<'chart.shares.list'> {
  void ctx;
  void patientId;
  throw new Error('listShares: not implemented yet');
}

/** Sends entries to a consent's recipient; refused without a consent in force covering them. */
export function sendShare(ctx: ServiceContext, consentId: string, entryIds: string[]): CallOutput<'chart.shares.send'> {
  void ctx;
  void consentId;
  void entryIds;
  throw new Error('sendShare: not implemented yet');
}
