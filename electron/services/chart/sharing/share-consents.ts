import type { CallOutput } from '../../../../shared/api/contract';
import type { ShareConsentDraft } from '../../../../shared/chart/sharing';
import type { ServiceContext } from '../../../core/context';

/** A consent to share given at the desk, in person. */
export function giveShareConsent(
  ctx: ServiceContext,
  patientId: string,
  consent: ShareConsentDraft,
): CallOutput<'chart.shares.giveConsent'> {
  void ctx;
  void patientId;
  void consent;
  throw new Error('giveShareConsent: not implemented yet');
}

/** Revokes a consent (one way). */
export function revokeShareConsent(
  ctx: ServiceContext,
  id: string,
  reason: string,
): CallOutput<'chart.shares.revokeConsent'> {
  void ctx;
  void id;
  void reason;
  throw new Error('revokeShareConsent: not implemented yet');
}
