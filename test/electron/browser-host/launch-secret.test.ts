import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEnvelope } from '../../../shared/api/facade';
import { expectOk, setUpFirstAdmin, type CallApi } from '../../support/staff-over-api';
import { callWith, cookieOf, exchange, startTestHost } from './raw-http';

let dispose: (() => Promise<void>) | undefined;
afterEach(async () => {
  await dispose?.();
  dispose = undefined;
});

async function freshHost() {
  const started = await startTestHost();
  dispose = started.dispose;
  return started.host;
}

/**
 * The review's attack: another local user got the printed address (`/#token=…`) and, once staff
 * had signed in, acted as them through the host's one per-process session. Now the secret is
 * traded once for the tab's cookie, and every call needs that cookie.
 */
describe('the launch secret is traded once for the tab cookie', () => {
  it('a wrong or malformed secret is refused and leaves the real one unspent', async () => {
    const host = await freshHost();
    const wrong = await exchange(host, '0'.repeat(64));
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'host.unauthorized' } });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect((await exchange(host, host.secret, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await exchange(host, '')).status).toBe(400);
    expect((await exchange(host, host.secret)).status).toBe(200);
  });

  it('the first exchange sets an HttpOnly, SameSite=Strict session cookie; the tab reloading keeps it', async () => {
    const host = await freshHost();
    const first = await exchange(host, host.secret);
    expect(first.status).toBe(200);
    const setCookie = first.headers['set-cookie'] ?? [];
    expect(setCookie).toHaveLength(1);
    const attributes = (setCookie[0] ?? '').split(';').map((part) => part.trim());
    expect(attributes[0]).toMatch(/^medcard_tab=[A-Za-z0-9_-]{43}$/);
    // No Max-Age or Expires: a session cookie, gone with the browser.
    expect(attributes.slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
    const again = await exchange(host, host.secret, { Cookie: cookieOf(first) });
    expect(again.status).toBe(200);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await callWith(host, cookieOf(first), 'auth.lock', {})).status).toBe(200);
  });

  it('another local user with the printed URL, after the admin signed in, gets nothing: token spent, no cookie → 401', async () => {
    const host = await freshHost();
    const tab = cookieOf(await exchange(host, host.secret));
    const overTab: CallApi = async (name, input) =>
      JSON.parse((await callWith(host, tab, name, input)).body) as ApiEnvelope<unknown>;
    await setUpFirstAdmin(overTab, host.origin);

    const spent = await exchange(host, host.secret);
    expect(spent.status).toBe(403);
    expect(JSON.parse(spent.body)).toMatchObject({ ok: false, error: { code: 'host.token_spent' } });
    expect(spent.headers['set-cookie']).toBeUndefined();
    const renew = await callWith(host, null, 'account.renewRecoveryCodes', {});
    expect(renew.status).toBe(401);
    expect(JSON.parse(renew.body)).toMatchObject({ ok: false, error: { code: 'host.unauthorized' } });
    const guessed = await callWith(host, `medcard_tab=${'A'.repeat(43)}`, 'account.renewRecoveryCodes', {});
    expect(guessed.status).toBe(401);
    // The admin's tab goes on working.
    await expectOk(overTab, 'auth.lock', {});
  });

  it("a cookie of the same name planted by a page on another localhost port does not push the tab's own out", async () => {
    const host = await freshHost();
    const tab = cookieOf(await exchange(host, host.secret));
    expect((await callWith(host, `medcard_tab=planted; ${tab}`, 'auth.lock', {})).status).toBe(200);
    expect((await callWith(host, 'medcard_tab=planted', 'auth.lock', {})).status).toBe(401);
  });
});
