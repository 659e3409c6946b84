import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../../../node-common/password-hash';
import { totpCodeAt } from '../../../../shared/auth/totp';
import { cabinetPaths, type Me, type SignInChallenge } from '../../../../shared/cabinet/cabinet-api';
import { useTestServer } from '../../support/test-server';
import { CabinetBrowser, cabinetOptions, lastMessage, registeredApplicant } from './cabinet-browser';

let now = new Date('2026-03-02T09:00:00Z');
const opened = useTestServer(() => ({ now: () => now, cabinet: cabinetOptions() }));
const password = 'Весна-2026!';

/** A patient whose application was approved and who set a password (the activation's outcome). */
async function activatedPatient(phone = '+79161234567') {
  const { form, me } = await registeredApplicant(opened.server, opened.db, { phone });
  await opened
    .db('cabinet_accounts')
    .where({ id: me.accountId })
    .update({ password_hash: await hashPassword(password), activated_at: now, phone_confirmed_at: now });
  return { email: form.email, phone: '+7' + phone.replace(/\D/g, '').slice(-10), accountId: me.accountId };
}

async function signedIn(browser: CabinetBrowser, who: { email: string; phone: string }) {
  const challenge = await browser.post<SignInChallenge>(cabinetPaths.signIn, { email: who.email, password });
  expect(challenge.status).toBe(200);
  const sent = await browser.post(cabinetPaths.signInSend, { challengeId: challenge.body.challengeId, channel: 'sms' });
  expect(sent.status).toBe(200);
  const code = (await lastMessage(opened.db, who.phone, 'sign_in_code')).params.code;
  const verified = await browser.post<Me>(cabinetPaths.signInVerify, {
    challengeId: challenge.body.challengeId,
    channel: 'sms',
    code,
  });
  expect(verified.status).toBe(200);
  return verified.body;
}

describe('sign-in to the cabinet', () => {
  it('takes the password and then a one-time code, and opens the patient session', async () => {
    const who = await activatedPatient('+79161110001');
    const browser = new CabinetBrowser(opened.server);
    const challenge = await browser.post<SignInChallenge>(cabinetPaths.signIn, { email: who.email, password });
    expect(challenge.status).toBe(200);
    expect(challenge.body.channels).toEqual(['sms', 'email']);
    expect(browser.cookie).toBeUndefined();

    const sent = await browser.post(cabinetPaths.signInSend, {
      challengeId: challenge.body.challengeId,
      channel: 'email',
    });
    expect(sent.body.sentTo).toMatch(/^a\*\*\*@example\.ru$/);
    const code = (await lastMessage(opened.db, who.email, 'sign_in_code')).params.code;
    const verified = await browser.post<Me>(cabinetPaths.signInVerify, {
      challengeId: challenge.body.challengeId,
      channel: 'email',
      code,
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ stage: 'patient', activated: true, email: who.email });
    expect((await browser.get<Me>(cabinetPaths.me)).body.stage).toBe('patient');

    // The same challenge and code again: the sign-in is spent.
    const replay = await new CabinetBrowser(opened.server).post(cabinetPaths.signInVerify, {
      challengeId: challenge.body.challengeId,
      channel: 'email',
      code,
    });
    expect(replay).toMatchObject({ status: 400, body: { code: 'cabinet.sign_in.challenge' } });
  });

  it('sends sign-in codes only to a confirmed contact', async () => {
    const who = await activatedPatient('+79161110007');
    await opened.db('cabinet_accounts').where({ id: who.accountId }).update({ phone_confirmed_at: null });
    const browser = new CabinetBrowser(opened.server);
    const challenge = await browser.post<SignInChallenge>(cabinetPaths.signIn, { email: who.email, password });
    expect(challenge.body.channels).toEqual(['email']);
    const sms = await browser.post(cabinetPaths.signInSend, {
      challengeId: challenge.body.challengeId,
      channel: 'sms',
    });
    expect(sms).toMatchObject({ status: 400, body: { code: 'cabinet.sign_in.channel', field: 'channel' } });
  });

  it('answers an unknown e-mail, a wrong password and an account not yet activated alike', async () => {
    const who = await activatedPatient('+79161110002');
    const { form: applicant } = await registeredApplicant(opened.server, opened.db);
    const browser = new CabinetBrowser(opened.server);
    const answers = [
      await browser.post(cabinetPaths.signIn, { email: 'nobody.here@example.ru', password }),
      await browser.post(cabinetPaths.signIn, { email: who.email, password: 'Осень-2025!' }),
      await browser.post(cabinetPaths.signIn, { email: applicant.email, password }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(answers[0]!.body);
    }
    expect(answers[0]!.body.code).toBe('cabinet.sign_in.wrong');
  });

  it('locks after five wrong passwords, an unknown e-mail the same way', async () => {
    const who = await activatedPatient('+79161110003');
    const browser = new CabinetBrowser(opened.server);
    for (const email of [who.email, 'ghost@example.ru']) {
      const answers = [];
      for (let attempt = 1; attempt <= 5; attempt += 1)
        answers.push(await browser.post(cabinetPaths.signIn, { email, password: 'Неверный-1!' }));
      expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 423]);
      expect(answers[4]!.body.code).toBe('cabinet.locked');
      const right = await browser.post(cabinetPaths.signIn, { email, password });
      expect(right.status).toBe(423);
    }
    const later = now;
    now = new Date(later.getTime() + 16 * 60_000);
    expect((await browser.post(cabinetPaths.signIn, { email: who.email, password })).status).toBe(200);
    now = later;
  });

  it('locks after five wrong sign-in codes', async () => {
    const who = await activatedPatient('+79161110004');
    const browser = new CabinetBrowser(opened.server);
    const challenge = await browser.post<SignInChallenge>(cabinetPaths.signIn, { email: who.email, password });
    await browser.post(cabinetPaths.signInSend, { challengeId: challenge.body.challengeId, channel: 'sms' });
    const right = (await lastMessage(opened.db, who.phone, 'sign_in_code')).params.code!;
    const wrong = right === '123456' ? '654321' : '123456';
    const statuses = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const answer = await browser.post(cabinetPaths.signInVerify, {
        challengeId: challenge.body.challengeId,
        channel: 'sms',
        code: wrong,
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 423]);
    const withRight = await browser.post(cabinetPaths.signInVerify, {
      challengeId: challenge.body.challengeId,
      channel: 'sms',
      code: right,
    });
    expect(withRight.status).toBe(423);
    expect(browser.cookie).toBeUndefined();
  });

  it('enrols an authenticator app and then signs in with its code', async () => {
    const who = await activatedPatient('+79161110005');
    const browser = new CabinetBrowser(opened.server);
    await signedIn(browser, who);
    const begun = await browser.post<{ uri: string; secret: string }>(cabinetPaths.totpBegin);
    expect(begun.status).toBe(200);
    expect(begun.body.uri).toMatch(/^otpauth:\/\/totp\//);
    const stored = await opened.db('cabinet_accounts').where({ id: who.accountId }).first('totp_pending_sealed');
    expect(stored.totp_pending_sealed).not.toContain(begun.body.secret);
    const wrong = await browser.post(cabinetPaths.totpConfirm, {
      code: '000000' === totpCodeAt(begun.body.secret, now) ? '111111' : '000000',
    });
    expect(wrong.body.code).toBe('cabinet.code.wrong');
    expect((await browser.post(cabinetPaths.totpConfirm, { code: totpCodeAt(begun.body.secret, now) })).status).toBe(
      204,
    );

    const later = now;
    now = new Date(later.getTime() + 60_000);
    const other = new CabinetBrowser(opened.server);
    const challenge = await other.post<SignInChallenge>(cabinetPaths.signIn, { email: who.email, password });
    expect(challenge.body.channels).toEqual(['sms', 'email', 'totp']);
    const noSend = await other.post(cabinetPaths.signInSend, {
      challengeId: challenge.body.challengeId,
      channel: 'totp',
    });
    expect(noSend.body.code).toBe('cabinet.sign_in.totp_no_send');
    const verified = await other.post<Me>(cabinetPaths.signInVerify, {
      challengeId: challenge.body.challengeId,
      channel: 'totp',
      code: totpCodeAt(begun.body.secret, now),
    });
    expect(verified.status).toBe(200);
    expect(verified.body.totpEnrolled).toBe(true);
    now = later;
  });

  it('keeps the authenticator app and the settings to the patient stage and the session', async () => {
    const { browser } = await registeredApplicant(opened.server, opened.db);
    const begin = await browser.post(cabinetPaths.totpBegin);
    expect(begin).toMatchObject({ status: 403, body: { code: 'cabinet.session.stage' } });
    expect((await browser.get(cabinetPaths.notificationSettings)).body).toEqual({ email: true, sms: true });
    const put = await browser.call('PUT', cabinetPaths.notificationSettings, { email: true, sms: false });
    expect(put.body).toEqual({ email: true, sms: false });
    expect((await browser.get(cabinetPaths.notificationSettings)).body).toEqual({ email: true, sms: false });
    const stranger = new CabinetBrowser(opened.server);
    expect((await stranger.get(cabinetPaths.notificationSettings)).body.code).toBe('cabinet.session.none');
  });

  it('signs out here, or everywhere: the other sessions end too', async () => {
    const who = await activatedPatient('+79161110006');
    const phone = new CabinetBrowser(opened.server);
    const laptop = new CabinetBrowser(opened.server);
    await signedIn(phone, who);
    now = new Date(now.getTime() + 61_000);
    await signedIn(laptop, who);

    const out = await phone.post(cabinetPaths.signOut);
    expect(out.status).toBe(204);
    expect(phone.cookie).toBeUndefined();
    expect((await laptop.get(cabinetPaths.me)).status).toBe(200);

    now = new Date(now.getTime() + 61_000);
    await signedIn(phone, who);
    const everywhere = await laptop.post(cabinetPaths.signOutEverywhere);
    expect(everywhere.status).toBe(204);
    const phoneMe = await phone.get(cabinetPaths.me);
    expect(phoneMe).toMatchObject({ status: 401, body: { code: 'cabinet.session.none' } });
  });
});
