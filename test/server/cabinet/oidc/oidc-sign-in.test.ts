import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../../server/app';
import { cabinetApiPrefix, cabinetPaths, type IdentityState, type Me } from '../../../../shared/cabinet/cabinet-api';
import { startOidcProvider, type OidcTestAccount, type OidcTestProvider } from '../../../support/oidc-provider';
import {
  newPatient,
  enrolTestDevice,
  openTestDb,
  testBlobKey,
  type TestDb,
  type TestDevice,
  type TestServer,
} from '../../support/test-server';
import { cabinetOptions, registeredApplicant } from '../accounts/cabinet-browser';
import { attemptsOf, cardAtDesk, freshSnils } from '../identity/identity-setup';
import { federatedSignIn, RedirectBrowser, sessionHeader } from './redirect-browser';

/** A port free now, for a server whose address must be known before it starts (the provider's redirect URI). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const client = { clientId: 'medcard-cabinet', clientSecret: 'a-test-client-secret-of-some-length' };
const deskCardSnils = freshSnils();
const registeredSnils = freshSnils();
const person = (sub: string, claims: Record<string, string | boolean> = {}): OidcTestAccount => ({
  sub,
  password: `pass-${sub}`,
  claims: {
    family_name: 'ИВАНОВА',
    given_name: 'Мария',
    middle_name: 'Петровна',
    birthdate: newPatient().birth_date,
    gender: 'female',
    email: `${sub}@gosuslugi.test`,
    email_verified: true,
    phone_number: '+7 (916) 765-43-21',
    phone_number_verified: true,
    ...claims,
  },
});
const accounts = [
  person('esia-1001', { snils: deskCardSnils }),
  person('esia-1002', { snils: freshSnils() }),
  person('esia-1003', { birthdate: '' }),
  // Registered with a password first: the same person by SNILS and birth date, and someone else.
  person('esia-1004', { snils: registeredSnils, birthdate: '1985-06-01', email: 'shared.1004@example.ru' }),
  person('esia-1005', { snils: freshSnils(), birthdate: '1985-06-01', email: 'taken.1005@example.ru' }),
];

let testDb: TestDb;
let idp: OidcTestProvider;
let server: TestServer;
let bare: TestServer;
let desk: TestDevice;
let cabinet: string;

beforeAll(async () => {
  testDb = await openTestDb();
  const port = await freePort();
  cabinet = `http://127.0.0.1:${port}`;
  const redirectUri = `${cabinet}${cabinetApiPrefix}${cabinetPaths.oidcCallback}`;
  idp = await startOidcProvider({ clients: [{ ...client, redirectUris: [redirectUri] }], accounts });
  const app = await buildServer({
    db: testDb.db,
    rateLimit: false,
    blobKey: testBlobKey,
    cabinet: { ...cabinetOptions(), publicUrl: cabinet, oidc: { issuer: idp.issuer, ...client, redirectUri } },
  });
  await app.listen({ host: '127.0.0.1', port });
  server = { app, origin: cabinet, close: () => app.close() };
  // The same database without a provider configured.
  const plain = await buildServer({ db: testDb.db, rateLimit: false, blobKey: testBlobKey, cabinet: cabinetOptions() });
  bare = { app: plain, origin: await plain.listen({ host: '127.0.0.1', port: 0 }), close: () => plain.close() };
  desk = await enrolTestDevice(testDb.db, server);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await bare?.close();
  await idp?.stop();
  await testDb?.cleanup();
}, 60_000);

async function api<T>(browser: RedirectBrowser, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${cabinet}${cabinetApiPrefix}${path}`, { headers: sessionHeader(browser, cabinet) });
  return { status: response.status, body: (await response.json()) as T };
}

const signInError = (location: URL) => (location.pathname === '/sign-in' ? location.searchParams.get('error') : null);

describe('federated sign-in through the identity provider (OIDC, a real provider)', () => {
  it('the provider vouches for the person: the account is made, linked to their card by SNILS and birth date, identity confirmed', async () => {
    const cardId = await cardAtDesk(desk, { snils: deskCardSnils, phone: '+79161112233' });
    const browser = new RedirectBrowser();
    const landed = await federatedSignIn(browser, cabinet, { login: 'esia-1001', password: 'pass-esia-1001' });
    expect(landed.href).toBe(`${cabinet}/`);
    // The flow's cookie is spent; the session's is set.
    expect(browser.cookie(cabinet, 'medcard_oidc')).toBeUndefined();
    const me = await api<Me>(browser, cabinetPaths.me);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      stage: 'applicant',
      federated: true,
      patientId: cardId,
      surname: 'Иванова',
      email: 'esia-1001@gosuslugi.test',
      emailConfirmed: true,
      phone: '+79167654321',
      phoneConfirmed: true,
    });
    const identity = await api<IdentityState>(browser, cabinetPaths.identity);
    expect(identity.body).toMatchObject({ status: 'confirmed_online', confirmed: true });
    expect(await attemptsOf(testDb.db, cardId)).toEqual([
      { method: 'federated', outcome: 'passed', result: 'counted' },
    ]);

    // Signing in again finds the same account; once activated, the session is a patient's.
    await testDb.db('cabinet_accounts').where({ oidc_subject: 'esia-1001' }).update({ activated_at: new Date() });
    const again = new RedirectBrowser();
    expect((await federatedSignIn(again, cabinet, { login: 'esia-1001', password: 'pass-esia-1001' })).href).toBe(
      `${cabinet}/`,
    );
    expect((await api<Me>(again, cabinetPaths.me)).body).toMatchObject({
      accountId: me.body.accountId,
      stage: 'patient',
    });
    // The same browser signing in again leaves its earlier session behind, ended.
    const earlier = sessionHeader(browser, cabinet);
    await federatedSignIn(browser, cabinet, { login: 'esia-1001', password: 'pass-esia-1001' });
    const stale = await fetch(`${cabinet}${cabinetApiPrefix}${cabinetPaths.me}`, { headers: earlier });
    expect(stale.status).toBe(401);
    expect((await api<Me>(browser, cabinetPaths.me)).status).toBe(200);
    const rows = await testDb.db('cabinet_accounts').where({ oidc_subject: 'esia-1001' }).select('id');
    expect(rows).toEqual([{ id: me.body.accountId }]);
  });

  it('with no card of theirs, a card is made online for the desks, and the identity is confirmed on it', async () => {
    const browser = new RedirectBrowser();
    await federatedSignIn(browser, cabinet, { login: 'esia-1002', password: 'pass-esia-1002' });
    const me = (await api<Me>(browser, cabinetPaths.me)).body;
    expect(me.patientId).not.toBeNull();
    const card = (await testDb.db('records').where({ table_name: 'patients', id: me.patientId }).first('data')) as {
      data: Record<string, unknown>;
    };
    expect(card.data).toMatchObject({ surname: 'Иванова', registered_online_at: expect.any(String) });
    expect((await api<IdentityState>(browser, cabinetPaths.identity)).body).toMatchObject({ confirmed: true });
  });

  it('refusals end at the sign-in page with their code, and make no account', async () => {
    const before = await testDb.db('cabinet_accounts').count('* as n');
    // The provider gave no birth date.
    const noBirth = await federatedSignIn(new RedirectBrowser(), cabinet, {
      login: 'esia-1003',
      password: 'pass-esia-1003',
    });
    expect(signInError(noBirth)).toBe('cabinet.oidc.birthdate');
    // The person declined at the provider.
    const declined = await federatedSignIn(new RedirectBrowser(), cabinet, 'decline');
    expect(signInError(declined)).toBe('cabinet.oidc.denied');
    expect(await testDb.db('cabinet_accounts').count('* as n')).toEqual(before);
  });

  it('an account registered with the same e-mail is joined only when SNILS and birth date are the provider’s', async () => {
    // Registered through the cabinet (the server without a provider serves the same database).
    const { me } = await registeredApplicant(bare, testDb.db, {
      snils: registeredSnils,
      email: 'shared.1004@example.ru',
    });
    const browser = new RedirectBrowser();
    await federatedSignIn(browser, cabinet, { login: 'esia-1004', password: 'pass-esia-1004' });
    expect((await api<Me>(browser, cabinetPaths.me)).body).toMatchObject({ accountId: me.accountId, federated: true });

    await registeredApplicant(bare, testDb.db, { email: 'taken.1005@example.ru' });
    const refused = await federatedSignIn(new RedirectBrowser(), cabinet, {
      login: 'esia-1005',
      password: 'pass-esia-1005',
    });
    expect(signInError(refused)).toBe('cabinet.oidc.email_taken');
    const taken = await testDb.db('cabinet_accounts').where({ email: 'taken.1005@example.ru' }).first('oidc_subject');
    expect(taken).toEqual({ oidc_subject: null });
  });

  it('a callback without the flow’s cookie, or with another state, is refused', async () => {
    const browser = new RedirectBrowser();
    const start = await browser.request(`${cabinet}${cabinetApiPrefix}${cabinetPaths.oidcStart}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const flowCookie = start.headers.getSetCookie().find((line) => line.startsWith('medcard_oidc='));
    expect(flowCookie).toMatch(/HttpOnly/);
    expect(flowCookie).toMatch(/SameSite=Lax/);

    const callback = `${cabinet}${cabinetApiPrefix}${cabinetPaths.oidcCallback}`;
    const forged = await browser.request(`${callback}?code=abc&state=not-the-state`);
    expect(signInError(new URL(forged.headers.get('location') ?? ''))).toBe('cabinet.oidc.state');
    const stranger = await new RedirectBrowser().request(
      `${callback}?code=abc&state=${authorize.searchParams.get('state') ?? ''}`,
    );
    expect(signInError(new URL(stranger.headers.get('location') ?? ''))).toBe('cabinet.oidc.state');
    // A cookie whose signature does not hold is no flow either.
    const tampered = new RedirectBrowser();
    tampered.setCookie(cabinet, 'medcard_oidc', `${(browser.cookie(cabinet, 'medcard_oidc') ?? '').slice(0, -2)}xx`);
    const refused = await tampered.request(`${callback}?code=abc&state=${authorize.searchParams.get('state') ?? ''}`);
    expect(signInError(new URL(refused.headers.get('location') ?? ''))).toBe('cabinet.oidc.state');
  });

  it('a provider that cannot be reached is named as such, and the next sign-in tries again', async () => {
    const port = await freePort();
    const down = await buildServer({
      db: testDb.db,
      rateLimit: false,
      blobKey: testBlobKey,
      cabinet: {
        ...cabinetOptions(),
        oidc: { issuer: `http://127.0.0.1:${port}`, ...client, redirectUri: `${cabinet}/callback` },
      },
    });
    try {
      const origin = await down.listen({ host: '127.0.0.1', port: 0 });
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const reply = await fetch(`${origin}${cabinetApiPrefix}${cabinetPaths.oidcStart}`, { redirect: 'manual' });
        expect(signInError(new URL(reply.headers.get('location') ?? ''))).toBe('cabinet.oidc.unreachable');
      }
    } finally {
      await down.close();
    }
  });

  it('a server without a provider configured says so', async () => {
    const reply = await fetch(`${bare.origin}${cabinetApiPrefix}${cabinetPaths.oidcStart}`, { redirect: 'manual' });
    expect(reply.status).toBe(302);
    expect(signInError(new URL(reply.headers.get('location') ?? ''))).toBe('cabinet.oidc.not_configured');
  });
});
