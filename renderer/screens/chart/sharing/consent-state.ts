import type { ShareConsent } from '../../../../shared/chart/chart-views';

export type ConsentState = 'active' | 'revoked' | 'expired';

/** In force, revoked, or past its last day (`today`: the Moscow day, ISO). */
export function consentState(consent: ShareConsent, today: string): ConsentState {
  if (consent.revokedAt) return 'revoked';
  if (consent.validUntil !== null && consent.validUntil < today) return 'expired';
  return 'active';
}
