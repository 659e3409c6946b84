import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cabinetPaths, type CodeSent, type IdentityState } from '../../../../shared/cabinet/cabinet-api';
import { enrolTestDevice, newPatient, useTestServer, type TestDevice } from '../../support/test-server';
import { cabinetOptions, lastMessage, outboxFor, registeredApplicant } from '../accounts/cabinet-browser';
import { applicantOf, attemptsOf, cardAtDesk, freshSnils, syncedIdentity } from './identity-setup';

// The server's clock runs ahead of the desk's by what a test moves it (codes expire, resends wait);
// each test starts level, as the desk signs its pushes with the real time.
let offsetMs = 0;
const advance = (ms: number) => {
  offsetMs += ms;
};
beforeEach(() => {
  offsetMs = 0;
});
const { db, server } = (() => {
  const opened = useTestServer(() => ({ now: () => new Date(Date.now() + offsetMs), cabinet: cabinetOptions() }));
  return { db: () => opened.db, server: () => opened.server };
})();
let desk: TestDevice;

beforeAll(async () => {
  desk = await enrolTestDevice(db(), server());
}, 120_000);

describe('identity confirmation by a code to the contact on the clinic’s card (B6)', () => {
  it('sends the code to the card’s phone, not the one typed at registration, and the right code confirms', async () => {
    const snils = freshSnils();
    const cardId = await cardAtDesk(desk, { snils, phone: '+79161112233', email: 'maria@clinic-card.ru' });
    const { browser, patientId } = await applicantOf(server(), db(), snils);
    expect(patientId).toBe(cardId);

    const before = await browser.get<IdentityState>(cabinetPaths.identity);
    expect(before.body).toMatchObject({
      status: 'none',
      confirmed: false,
      attemptsLeft: 3,
      codeChannels: ['sms', 'email'],
    });

    const sent = await browser.post<CodeSent>(cabinetPaths.identityCodeSend, { channel: 'sms' });
    expect(sent.status).toBe(200);
    expect(sent.body.sentTo).toBe('+7 *** ***-**-33');
    const { code } = (await lastMessage(db(), '+79161112233', 'identity_code')).params;
    expect((await outboxFor(db(), '+79035554433')).filter((message) => message.template === 'identity_code')).toEqual(
      [],
    );

    const confirmed = await browser.post<IdentityState>(cabinetPaths.identityCodeConfirm, { code });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed_online', confirmed: true, failedAttempts: 0 });
    // The desks see it through the change log, as any server-written row.
    expect(await syncedIdentity(db(), cardId)).toMatchObject({ status: 'confirmed_online', device_id: null });
    expect(await attemptsOf(db(), cardId)).toEqual([{ method: 'sms_code', outcome: 'passed', result: 'counted' }]);

    const again = await browser.post(cabinetPaths.identityCodeSend, { channel: 'email' });
    expect(again).toMatchObject({ status: 409, body: { code: 'cabinet.identity.already_confirmed' } });
  });

  it('the third wrong code in a row locks online confirmation: the patient is queued for the desk', async () => {
    const snils = freshSnils();
    const cardId = await cardAtDesk(desk, { snils, email: 'petr@clinic-card.ru' });
    const { browser } = await applicantOf(server(), db(), snils);
    expect((await browser.post(cabinetPaths.identityCodeSend, { channel: 'email' })).status).toBe(200);
    const { code } = (await lastMessage(db(), 'petr@clinic-card.ru', 'identity_code')).params;
    const wrong = code === '000000' ? '111111' : '000000';

    const first = await browser.post(cabinetPaths.identityCodeConfirm, { code: wrong });
    expect(first).toMatchObject({ status: 422, body: { code: 'cabinet.identity.code_wrong' } });
    expect(first.body).toMatchObject({ message: { en: 'Wrong code. Attempts left: 2' } });
    const second = await browser.post(cabinetPaths.identityCodeConfirm, { code: wrong });
    expect(second.body).toMatchObject({ message: { en: 'Wrong code. Attempts left: 1' } });
    const third = await browser.post(cabinetPaths.identityCodeConfirm, { code: wrong });
    expect(third).toMatchObject({ status: 423, body: { code: 'portal.identity_locked' } });

    // Locked: not even the right code, nor a new one, until a clerk has seen the originals.
    const right = await browser.post(cabinetPaths.identityCodeConfirm, { code });
    expect(right).toMatchObject({ status: 423, body: { code: 'portal.identity_locked' } });
    advance(61_000);
    expect(await browser.post(cabinetPaths.identityCodeSend, { channel: 'email' })).toMatchObject({
      status: 423,
      body: { code: 'portal.identity_locked' },
    });
    const state = await browser.get<IdentityState>(cabinetPaths.identity);
    expect(state.body).toMatchObject({ status: 'locked', confirmed: false, failedAttempts: 3, attemptsLeft: 0 });
    expect(await syncedIdentity(db(), cardId)).toMatchObject({ status: 'locked', failed_attempts: 3 });
    expect((await attemptsOf(db(), cardId)).map((attempt) => attempt.outcome)).toEqual(['failed', 'failed', 'failed']);
  });

  it('a replayed or expired code is refused with its own code and not counted as a failure', async () => {
    const snils = freshSnils();
    const cardId = await cardAtDesk(desk, { snils, phone: '+79162223344' });
    const { browser } = await applicantOf(server(), db(), snils);
    await browser.post(cabinetPaths.identityCodeSend, { channel: 'sms' });
    const first = (await lastMessage(db(), '+79162223344', 'identity_code')).params.code;

    const tooSoon = await browser.post(cabinetPaths.identityCodeSend, { channel: 'sms' });
    expect(tooSoon).toMatchObject({ status: 429, body: { code: 'cabinet.code.resend_wait' } });
    advance(61_000);
    await browser.post(cabinetPaths.identityCodeSend, { channel: 'sms' });
    const second = (await lastMessage(db(), '+79162223344', 'identity_code')).params.code;

    if (first !== second) {
      const replaced = await browser.post(cabinetPaths.identityCodeConfirm, { code: first });
      expect(replaced).toMatchObject({ status: 410, body: { code: 'cabinet.identity.code_used' } });
    }
    advance(11 * 60_000);
    const expired = await browser.post(cabinetPaths.identityCodeConfirm, { code: second });
    expect(expired).toMatchObject({ status: 410, body: { code: 'cabinet.identity.code_expired' } });
    const state = await browser.get<IdentityState>(cabinetPaths.identity);
    expect(state.body).toMatchObject({ status: 'none', failedAttempts: 0, attemptsLeft: 3 });
    expect(await attemptsOf(db(), cardId)).toEqual([]);

    await browser.post(cabinetPaths.identityCodeSend, { channel: 'sms' });
    const fresh = (await lastMessage(db(), '+79162223344', 'identity_code')).params.code;
    expect((await browser.post<IdentityState>(cabinetPaths.identityCodeConfirm, { code: fresh })).body).toMatchObject({
      confirmed: true,
    });
  });

  it('a card made online holds only what the patient typed: no code channel is offered', async () => {
    const { browser } = await registeredApplicant(server(), db(), { snils: freshSnils() });
    const state = await browser.get<IdentityState>(cabinetPaths.identity);
    expect(state.body).toMatchObject({ status: 'none', codeChannels: [] });
    const sent = await browser.post(cabinetPaths.identityCodeSend, { channel: 'sms' });
    expect(sent).toMatchObject({ status: 409, body: { code: 'cabinet.identity.no_channel', field: 'channel' } });
  });

  it('refuses a code that was never asked for, a malformed one, and a caller without a session', async () => {
    const snils = freshSnils();
    await cardAtDesk(desk, { snils, phone: '+79163334455', birth_date: newPatient().birth_date });
    const { browser } = await applicantOf(server(), db(), snils);
    expect(await browser.post(cabinetPaths.identityCodeConfirm, { code: '123456' })).toMatchObject({
      status: 409,
      body: { code: 'cabinet.identity.code_none' },
    });
    expect(await browser.post(cabinetPaths.identityCodeConfirm, { code: '12ab56' })).toMatchObject({
      status: 400,
      body: { code: 'cabinet.identity.code_format', field: 'code' },
    });
    expect(await browser.post(cabinetPaths.identityCodeSend, { channel: 'pigeon' })).toMatchObject({
      status: 400,
      body: { field: 'channel' },
    });
    const anonymous = await fetch(`${server().origin}/api/cabinet${cabinetPaths.identity}`);
    expect(anonymous.status).toBe(401);
  });
});
