import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openCabinetSession } from '../../../../server/cabinet/session/cabinet-session';
import { cabinetPaths, csrfHeader, type CabinetStage, type Me } from '../../../../shared/cabinet/cabinet-api';
import { useTestServer } from '../../support/test-server';
import {
  CabinetBrowser,
  cabinetOptions,
  confirmToken,
  registeredApplicant,
  registration,
} from '../accounts/cabinet-browser';

let now = new Date('2026-03-02T09:00:00Z');
const opened = useTestServer(() => ({ now: () => now, cabinet: cabinetOptions() }));
const secure = useTestServer(() => ({ cabinet: { ...cabinetOptions(), secureCookies: true } }));

const minute = 60_000;

/** The browser of a registered patient, in a session of the given stage opened at `now`. */
async function inSession(stage: CabinetStage): Promise<CabinetBrowser> {
  const { browser, me } = await registeredApplicant(opened.server, opened.db);
  const clinic = await opened.db('cabinet_accounts').where({ id: me.accountId }).first('clinic_id');
  const session = await openCabinetSession(
    opened.db,
    { accountId: me.accountId, clinicId: clinic.clinic_id as string, stage },
    now,
  );
  browser.cookie = session.cookieValue;
  browser.csrf = session.csrfToken;
  return browser;
}

describe('cabinet sessions', () => {
  it('keeps only the hash of the cookie, and hands the CSRF token out with Me', async () => {
    const { browser, me } = await registeredApplicant(opened.server, opened.db);
    const rows = await opened.db('cabinet_sessions').where({ account_id: me.accountId }).select('id_hash');
    expect(rows).toEqual([{ id_hash: createHash('sha256').update(browser.cookie!).digest('hex') }]);
    expect(me.csrfToken.length).toBeGreaterThan(20);
  });

  it('refuses a write of a session without its CSRF token, or with another one', async () => {
    const browser = await inSession('applicant');
    const missing = await browser.call(
      'PUT',
      cabinetPaths.notificationSettings,
      { email: false, sms: true },
      {
        headers: { [csrfHeader]: '' },
      },
    );
    expect(missing).toMatchObject({ status: 403, body: { code: 'cabinet.csrf' } });
    const other = await browser.call(
      'PUT',
      cabinetPaths.notificationSettings,
      { email: false, sms: true },
      {
        headers: { [csrfHeader]: 'x'.repeat(43) },
      },
    );
    expect(other.status).toBe(403);
    expect((await browser.get(cabinetPaths.notificationSettings)).body).toEqual({ email: true, sms: true });
    const right = await browser.call('PUT', cabinetPaths.notificationSettings, { email: false, sms: true });
    expect(right.status).toBe(200);
  });

  it('ends a patient session after 30 idle minutes, and after 12 hours however active', async () => {
    const start = now;
    const idle = await inSession('patient');
    now = new Date(start.getTime() + 29 * minute);
    expect((await idle.get(cabinetPaths.me)).status).toBe(200);
    now = new Date(start.getTime() + 60 * minute);
    expect((await idle.get<Me>(cabinetPaths.me)).body).toMatchObject({ code: 'cabinet.session.none' });

    now = start;
    const busy = await inSession('patient');
    for (let at = 20; at < 12 * 60; at += 20) {
      now = new Date(start.getTime() + at * minute);
      expect((await busy.get(cabinetPaths.me)).status).toBe(200);
    }
    now = new Date(start.getTime() + 12 * 60 * minute);
    expect((await busy.get(cabinetPaths.me)).status).toBe(401);
    now = start;
  });

  it('keeps an applicant session for seven days', async () => {
    const start = now;
    const browser = await inSession('applicant');
    now = new Date(start.getTime() + 6 * 24 * 60 * minute);
    expect((await browser.get(cabinetPaths.me)).status).toBe(200);
    now = new Date(start.getTime() + 7 * 24 * 60 * minute);
    expect((await browser.get(cabinetPaths.me)).status).toBe(401);
    now = start;
  });

  it('marks the cookie Secure when the server speaks TLS', async () => {
    const browser = new CabinetBrowser(secure.server);
    const form = registration();
    await browser.post(cabinetPaths.register, form);
    const token = await confirmToken(secure.db, form.email);
    const confirmed = await browser.post(cabinetPaths.emailConfirm, { token });
    expect(confirmed.headers.get('set-cookie')).toMatch(/; Secure/);
  });
});
