import type { FastifyInstance, FastifyReply } from 'fastify';
import { cabinetPaths } from '../../../shared/cabinet/cabinet-api';
import type { ErrorCode } from '../../../shared/errors/catalog';
import { defaultClinicId } from '../../clinics/clinics';
import { accountRoute, routeLimits } from '../accounts/account-route-options';
import type { CabinetDeps } from '../cabinet-deps';
import { cookieValue, endCabinetSession, openCabinetSession, setSessionCookie } from '../session/cabinet-session';
import { signInFederated } from './federated-account';
import { FederatedRefusal, federatedPerson } from './federated-person';
import { openIdProvider, type IdentityProvider } from './identity-provider';
import {
  clearOidcFlowCookie,
  oidcFlowCookie,
  oidcFlowKey,
  openOidcFlow,
  sealOidcFlow,
  setOidcFlowCookie,
} from './oidc-flow-cookie';

/** Where the browser lands after a refused sign-in: the cabinet's sign-in page names the reason. */
export function signInErrorUrl(publicUrl: string, code: ErrorCode): string {
  return `${publicUrl}/sign-in?error=${encodeURIComponent(code)}`;
}

/**
 * Federated sign-in (issue 11 item 2). GET /oidc/start sends the browser to the identity provider
 * with a fresh state, nonce and PKCE challenge, their secrets in a signed cookie; GET
 * /oidc/callback checks the answer, finds or makes the account, links the card, marks the
 * identity confirmed and opens the session, then sends the browser to the cabinet. Every refusal
 * (no provider configured, a stale or foreign state, the provider's error, a claim missing) ends
 * at `/sign-in?error=<code>`: these are browser navigations, not API calls.
 */
export function registerOidcRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  const provider: IdentityProvider | undefined = deps.oidc && openIdProvider(deps.oidc);
  const key = oidcFlowKey(deps.masterKey);
  let clinic: Promise<string> | undefined;
  const clinicId = () => (clinic ??= defaultClinicId(deps.db));

  const refuse = (reply: FastifyReply, code: ErrorCode) => {
    clearOidcFlowCookie(reply, deps);
    return reply.redirect(signInErrorUrl(deps.publicUrl, code), 302);
  };
  const refusalOf = (error: unknown): ErrorCode => {
    if (error instanceof FederatedRefusal) return error.code;
    throw error;
  };

  scope.get(cabinetPaths.oidcStart, accountRoute(deps, routeLimits.read), async (_request, reply) => {
    if (!provider) return refuse(reply, 'cabinet.oidc.not_configured');
    const flow = await provider.newFlow(deps.now());
    let target: URL;
    try {
      target = await provider.authorizationUrl(flow);
    } catch (error) {
      return refuse(reply, refusalOf(error));
    }
    setOidcFlowCookie(reply, sealOidcFlow(key, flow), deps);
    void reply.header('cache-control', 'no-store');
    return reply.redirect(target.href, 302);
  });

  scope.get(cabinetPaths.oidcCallback, accountRoute(deps, routeLimits.check), async (request, reply) => {
    if (!provider) return refuse(reply, 'cabinet.oidc.not_configured');
    const now = deps.now();
    const flow = openOidcFlow(key, cookieValue(request.headers.cookie, oidcFlowCookie), now);
    if (!flow) return refuse(reply, 'cabinet.oidc.state');
    const query = new URL(request.url, deps.publicUrl).searchParams;
    try {
      const person = federatedPerson(await provider.claims(query, flow));
      const signedIn = await signInFederated(deps.db, await clinicId(), person, now);
      // A session this browser held before (perhaps another account's) ends: one browser, one person.
      if (request.cabinetSession) await endCabinetSession(deps.db, request.cabinetSession.idHash, now);
      const session = await openCabinetSession(deps.db, signedIn, now);
      clearOidcFlowCookie(reply, deps);
      setSessionCookie(reply, session.cookieValue, deps);
      return reply.redirect(`${deps.publicUrl}/`, 302);
    } catch (error) {
      const code = refusalOf(error);
      request.log.info({ code }, 'federated sign-in refused');
      return refuse(reply, code);
    }
  });
}
