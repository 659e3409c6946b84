import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../../electron/browser-host/server';
import type { ApiEnvelope } from '../../../shared/api/facade';
import { draft } from '../../support/fixtures';
import { signedInAs, type CallApi } from '../../support/staff-over-api';
import { callWith, cookieOf, exchange, send, startTestHost } from './raw-http';

let host: BrowserHost;
let dispose: () => Promise<void>;
/** The tab's cookie, traded for the launch secret once before the tests. */
let cookie: string;

beforeAll(async () => {
  ({ host, dispose } = await startTestHost());
  cookie = cookieOf(await exchange(host, host.secret));
});
afterAll(async () => dispose());

const call = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  callWith(host, cookie, name, input, headers);
const overHttp: CallApi = async (name, input) => JSON.parse((await call(name, input)).body) as ApiEnvelope<unknown>;

describe('the browser host (loopback only, the tab cookie, Origin check)', () => {
  it('is named localhost (a WebAuthn relying party) on a random port, and prints a URL carrying the secret in the fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/localhost:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.secret}`);
    expect(host.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(cookie).toMatch(/^medcard_tab=[A-Za-z0-9_-]{43}$/);
  });

  it('refuses patient data before anyone signs in, and carries the contract once a clerk has', async () => {
    expect(JSON.parse((await call('patients.search', { query: 'Сем' })).body)).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
    await signedInAs(overHttp, host.origin, 'clerk');
    const created = await call('patients.create', draft());
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, data: { surname: 'Семёнова' } });
    const found = JSON.parse((await call('patients.search', { query: 'Сем' })).body);
    expect(found.data.items).toHaveLength(1);
  });

  it('refuses a call without the cookie, with a wrong one, with the secret as a bearer, or from another origin', async () => {
    const query = { query: 'Сем' };
    expect((await callWith(host, null, 'patients.search', query)).status).toBe(401);
    expect((await callWith(host, `medcard_tab=${'A'.repeat(43)}`, 'patients.search', query)).status).toBe(401);
    const bearer = await callWith(host, null, 'patients.search', query, { Authorization: `Bearer ${host.secret}` });
    expect(bearer.status).toBe(401);
    expect(JSON.parse(bearer.body)).toMatchObject({ ok: false, error: { code: 'host.unauthorized' } });
    const foreign = await call('patients.search', query, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { code: 'host.origin' } });
    const foreignExchange = await exchange(host, host.secret, { Origin: 'https://evil.example' });
    expect(foreignExchange.status).toBe(403);
  });

  it('refuses a request whose Host is not its own (DNS rebinding)', async () => {
    const reply = await send(host.origin, { path: '/', headers: { Host: 'attacker.example:80' } });
    expect(reply.status).toBe(421);
  });

  it('refuses malformed JSON, the wrong content type and an oversized body', async () => {
    const headers = { Origin: host.origin, Cookie: cookie };
    const malformed = await send(host.origin, {
      method: 'POST',
      path: '/api/call/patients.search',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: '{"query":',
    });
    expect(JSON.parse(malformed.body)).toMatchObject({ error: { code: 'api.bad_request' } });
    const plain = await send(host.origin, {
      method: 'POST',
      path: '/api/call/patients.search',
      headers: { ...headers, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(plain.status).toBe(415);
    const huge = await send(host.origin, {
      method: 'POST',
      path: '/api/call/patients.search',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: Buffer.alloc(2 * 1024 * 1024, 0x20),
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ error: { code: 'host.too_large' } });
  });

  it('serves the renderer with the CSP and nothing outside its folder', async () => {
    const index = await send(host.origin, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect((await send(host.origin, { path: '/assets/app.js' })).headers['content-type']).toContain('text/javascript');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const reply = await send(host.origin, { path });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('outside the renderer');
    }
  });
});
