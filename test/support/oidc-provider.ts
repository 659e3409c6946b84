import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID Connect provider (the `oidc-provider` package) standing in for the government
 * portal in tests (vitest and Playwright): discovery, authorization with PKCE, token, userinfo and
 * signed ID tokens as a real IdP serves them. Its sign-in page is a minimal form of our own
 * (login = the account's `sub`, and its password); consent is granted at once, as the portal does
 * for a registered service.
 */
export interface OidcTestAccount {
  /** The subject: the IdP's stable id of the person, typed as the login. */
  sub: string;
  password: string;
  /**
   * Claims as the IdP releases them: `family_name`, `given_name`, `middle_name`, `birthdate`,
   * `gender`, `snils`, `email`, `phone_number`…
   */
  claims: Record<string, string | boolean>;
}

export interface OidcTestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface OidcTestProvider {
  /** The issuer's URL (`http://127.0.0.1:<port>`); its discovery document is at `/.well-known/openid-configuration`. */
  issuer: string;
  stop(): Promise<void>;
}

const scopeClaims = {
  openid: ['sub'],
  profile: ['family_name', 'given_name', 'middle_name', 'birthdate', 'gender'],
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
  snils: ['snils'],
};

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function signInPage(uid: string, failed: boolean): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Вход</title></head><body>
<main><h1>Тестовый портал входа</h1>
${failed ? '<p role="alert">Неверный логин или пароль</p>' : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label>Логин <input name="login" autocomplete="username" required></label>
<label>Пароль <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Войти</button>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Отказаться</button></form>
</main></body></html>`;
}

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the provider on 127.0.0.1, port chosen by the system. */
export async function startOidcProvider(options: {
  clients: OidcTestClient[];
  accounts: OidcTestAccount[];
}): Promise<OidcTestProvider> {
  const accounts = new Map(options.accounts.map((account) => [account.sub, account]));
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => {
    response.statusCode = 503;
    response.end();
  };
  const server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    claims: scopeClaims,
    scopes: Object.keys(scopeClaims),
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ ...account.claims, sub: id }) };
    },
    // The service is registered with the portal: what it asks for is granted without a consent page.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { Grant } = ctx.oidc.provider;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return Grant.find(grantId);
      const grant = new Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(Object.keys(scopeClaims).join(' '));
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();

  async function interaction(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const match = /^\/interaction\/([\w-]+)(\/abort)?$/.exec(path);
    if (!match) {
      response.statusCode = 404;
      response.end();
      return;
    }
    const details = await provider.interactionDetails(request, response);
    if (request.method === 'GET') {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.setHeader('cache-control', 'no-store');
      response.end(signInPage(details.uid, false));
      return;
    }
    if (match[2]) {
      await provider.interactionFinished(
        request,
        response,
        { error: 'access_denied', error_description: 'The person declined' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const form = await formBody(request);
    const account = accounts.get(form.get('login') ?? '');
    if (!account || account.password !== form.get('password')) {
      response.statusCode = 200;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(signInPage(details.uid, true));
      return;
    }
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: account.sub } },
      { mergeWithLastSubmission: false },
    );
  }

  handle = (request, response) => {
    const path = new URL(request.url ?? '/', issuer).pathname;
    if (!path.startsWith('/interaction/')) {
      void callback(request, response);
      return;
    }
    interaction(request, response, path).catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  };

  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
