import { acceptConsent } from '../services/consents/accept-consent';
import { consentOverview, consentSignature, consentText } from '../services/consents/read-consents';
import { withdrawConsent } from '../services/consents/withdraw-consent';
import { addProxy } from '../services/proxies/add-proxy';
import { listProxies } from '../services/proxies/list-proxies';
import { revokeProxy } from '../services/proxies/revoke-proxy';
import type { Handlers } from './handler-types';

/** Consent (B8): a signature image lives in the scan vault. */
export const consentHandlers: Handlers<'consents'> = {
  'consents.text': (ctx, input) => consentText(ctx, input.version),
  'consents.state': (ctx, input) => consentOverview(ctx, input.patientId),
  'consents.accept': (ctx, input) => acceptConsent(ctx, ctx.scans.vault, input),
  'consents.withdraw': (ctx, input) => withdrawConsent(ctx, input),
  'consents.signature': (ctx, input) => consentSignature(ctx, ctx.scans.vault, input.consentId),
};

/** Trusted persons (B9). */
export const proxyHandlers: Handlers<'proxies'> = {
  'proxies.list': (ctx, input) => listProxies(ctx, input.patientId),
  'proxies.add': (ctx, input) => addProxy(ctx, input),
  'proxies.revoke': (ctx, input) => revokeProxy(ctx, input),
};
