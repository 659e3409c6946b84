import * as oidc from 'openid-client';
import type { OidcSettings } from '../cabinet-deps';
import { FederatedRefusal } from './federated-person';
import type { OidcFlow } from './oidc-flow-cookie';

/**
 * The identity provider behind an adapter (the government portal in real life; any OpenID
 * Connect provider here): the authorization-code flow with PKCE, state and nonce, the ID token
 * checked by `openid-client` (signature, issuer, audience, nonce, expiry), the claims read from
 * it and from userinfo.
 */
export interface IdentityProvider {
  /** Where to send the browser to sign in; `flow` holds the secrets the callback is checked with. */
  authorizationUrl(flow: OidcFlow): Promise<URL>;
  /** The person's claims once the provider redirected back with `query` (the callback's query string). */
  claims(query: URLSearchParams, flow: OidcFlow): Promise<Record<string, unknown>>;
  /** Fresh secrets for a flow. */
  newFlow(now: Date): Promise<OidcFlow>;
}

/** What the cabinet asks for; `snils` only where the provider lists it. */
const wantedScopes = ['openid', 'profile', 'email', 'phone', 'snils'];

/** Plain http only for a provider on this machine (development, tests); any other must be https. */
function onLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function openIdProvider(settings: OidcSettings): IdentityProvider {
  const issuer = new URL(settings.issuer);
  let configuration: Promise<oidc.Configuration> | undefined;
  const discover = (): Promise<oidc.Configuration> => {
    configuration ??= oidc
      .discovery(issuer, settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), {
        execute: issuer.protocol === 'http:' && onLoopback(issuer) ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        // The next sign-in tries again.
        configuration = undefined;
        throw new FederatedRefusal('cabinet.oidc.unreachable', {}, error);
      });
    return configuration;
  };

  return {
    async newFlow(now) {
      return {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
        at: now.getTime(),
      };
    },

    async authorizationUrl(flow) {
      const config = await discover();
      const supported = config.serverMetadata().scopes_supported;
      const scope = wantedScopes.filter((name) => name === 'openid' || !supported || supported.includes(name));
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: scope.join(' '),
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
    },

    async claims(query, flow) {
      if (query.has('error')) throw new FederatedRefusal('cabinet.oidc.denied');
      if (query.get('state') !== flow.state) throw new FederatedRefusal('cabinet.oidc.state');
      const config = await discover();
      const current = new URL(settings.redirectUri);
      current.search = query.toString();
      try {
        const tokens = await oidc.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new Error('no ID token');
        const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        return { ...userinfo, ...idClaims };
      } catch (error) {
        throw new FederatedRefusal('cabinet.oidc.provider_error', {}, error);
      }
    },
  };
}
