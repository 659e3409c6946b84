import { describe, expect, it } from 'vitest';
import { cabinetPaths, type Me } from '../../../../shared/cabinet/cabinet-api';
import { patientDraftSchema } from '../../../../shared/domain/patient';
import { inputError } from '../../../../shared/errors/zod-issues';
import { defaultClinicId } from '../../../../server/clinics/clinics';
import { withChangeLog } from '../../../../server/sync/change-log';
import { useTestServer } from '../../support/test-server';
import {
  CabinetBrowser,
  cabinetOptions,
  confirmToken,
  lastMessage,
  outboxFor,
  registeredApplicant,
  registration,
} from './cabinet-browser';

let now = new Date('2026-03-02T09:00:00Z');
const opened = useTestServer(() => ({ now: () => now, cabinet: cabinetOptions() }));

/** The code the desk's own form gives the same value (shared/domain/patient.ts). */
function deskCode(field: string, value: unknown): string | undefined {
  const parsed = patientDraftSchema.safeParse({
    surname: 'Смирнова',
    name: 'Анна',
    birthDate: '1985-06-01',
    sex: 'female',
    [field]: value,
  });
  if (parsed.success) return undefined;
  return inputError(parsed.error, {}).issues.find((issue) => issue.field === field)?.code;
}

async function cardOf(patientId: string): Promise<Record<string, unknown>> {
  const row = await opened
    .db('records')
    .where({ table_name: 'patients', id: patientId })
    .first<{ data: unknown }>('data');
  return (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>;
}

describe('registration in the cabinet', () => {
  it('registers, confirms the e-mail by its link into an applicant session, makes the card online and confirms the phone', async () => {
    const form = registration();
    const browser = new CabinetBrowser(opened.server);
    const registered = await browser.post(cabinetPaths.register, form);
    expect(registered.status).toBe(202);
    expect(registered.body.sentTo).toMatch(/^a\*\*\*@example\.ru$/);
    expect(browser.cookie).toBeUndefined();

    const confirmed = await browser.call<Me>('POST', cabinetPaths.emailConfirm, {
      token: await confirmToken(opened.db, form.email),
    });
    expect(confirmed.status).toBe(200);
    const cookie = confirmed.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(confirmed.body).toMatchObject({
      stage: 'applicant',
      surname: 'Смирнова',
      email: form.email,
      emailConfirmed: true,
      phone: '+79161234567',
      phoneConfirmed: false,
      activated: false,
    });
    // No card had this SNILS: the server made one, marked as registered online, for the desks to pull.
    const patientId = confirmed.body.patientId;
    expect(patientId).not.toBeNull();
    const card = await cardOf(patientId!);
    expect(card).toMatchObject({
      surname: 'Смирнова',
      surname_fold: 'смирнова',
      snils: form.snils,
      birth_date: '1985-06-01',
      registered_online_at: now.toISOString(),
      device_id: null,
      updated_by: null,
    });
    const logged = await opened
      .db('change_log')
      .where({ table_name: 'patients', row_id: patientId })
      .count<{ count: string }[]>('* as count');
    expect(Number(logged[0]!.count)).toBe(1);

    const me = await browser.get<Me>(cabinetPaths.me);
    expect(me.status).toBe(200);
    expect(me.body.patientId).toBe(patientId);

    const sent = await browser.post(cabinetPaths.phoneSend, {});
    expect(sent.status).toBe(200);
    expect(sent.body.sentTo).toBe('+7 *** ***-**-67');
    const sms = await lastMessage(opened.db, '+79161234567', 'phone_code');
    expect(sms.channel).toBe('sms');
    const phone = await browser.post<Me>(cabinetPaths.phoneConfirm, { code: sms.params.code });
    expect(phone.status).toBe(200);
    expect(phone.body.phoneConfirmed).toBe(true);
    // The same code again: a replay.
    const replay = await browser.post(cabinetPaths.phoneConfirm, { code: sms.params.code });
    expect(replay.status).toBe(410);
    expect(replay.body.code).toBe('cabinet.code.used');
  });

  it('links the account to the clinic’s card with the same SNILS and birth date instead of making one', async () => {
    const form = registration();
    const clinicId = await defaultClinicId(opened.db);
    const cardId = '0190a000-0000-7000-8000-000000000001';
    await withChangeLog(opened.db, { now, clinicId }, (log) =>
      log.writeRow({
        table: 'patients',
        rowId: cardId,
        data: { surname: 'Смирнова', name: 'Анна', birth_date: '1985-06-01', sex: 'female', snils: form.snils },
        fieldVersions: {},
        changedFields: ['surname', 'name', 'birth_date', 'sex', 'snils'],
        deviceId: null,
        mutationId: null,
        actorId: null,
        actorAt: null,
      }),
    );
    const { me } = await registeredApplicant(opened.server, opened.db, form);
    expect(me.patientId).toBe(cardId);
    expect((await cardOf(cardId)).registered_online_at).toBeUndefined();
  });

  it('answers a taken e-mail exactly as a new one, and tells the e-mail’s owner instead', async () => {
    const first = registration();
    const again = registration({ email: first.email.toUpperCase(), surname: 'Другая' });
    const fresh = registration({ email: first.email.replace('anna', 'anne') });
    const browser = new CabinetBrowser(opened.server);
    expect((await browser.post(cabinetPaths.register, first)).status).toBe(202);
    const taken = await browser.post(cabinetPaths.register, again);
    const untaken = await browser.post(cabinetPaths.register, fresh);
    expect(taken.status).toBe(untaken.status);
    expect(Object.keys(taken.body)).toEqual(Object.keys(untaken.body));
    expect(taken.body.sentTo).toBe(untaken.body.sentTo);
    expect((await outboxFor(opened.db, first.email)).map((message) => message.template)).toEqual([
      'email_confirm',
      'register_existing',
    ]);
    const accounts = await opened.db('cabinet_accounts').where({ email: first.email }).select('surname');
    expect(accounts).toEqual([{ surname: 'Смирнова' }]);
  });

  it('refuses each bad field with the desk’s own code for the same value, and its own where the desk has none', async () => {
    const browser = new CabinetBrowser(opened.server);
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ surname: 'Smith' }, 'surname', deskCode('surname', 'Smith')],
      [{ name: '<script>alert(1)</script>' }, 'name', deskCode('name', '<script>alert(1)</script>')],
      [{ snils: '112-233-445 00' }, 'snils', deskCode('snils', '112-233-445 00')],
      [{ email: 'анна@почта.рф' }, 'email', deskCode('email', 'анна@почта.рф')],
      [{ phone: '+7 5' }, 'phone', deskCode('phone', '+7 5')],
      [{ birthDate: '1985-02-30' }, 'birthDate', deskCode('birthDate', '1985-02-30')],
      [{ snils: null, inn: null }, 'snils', 'cabinet.register.snils_or_inn'],
      [{ phone: '+7 495 123-45-67' }, 'phone', 'cabinet.register.phone_mobile'],
      [{ birthDate: '2030-01-01' }, 'birthDate', 'patient.birth_date.future'],
      [{ birthDate: '2012-01-01' }, 'birthDate', 'cabinet.register.under_15'],
    ];
    for (const [overrides, field, code] of cases) {
      expect(code, JSON.stringify(overrides)).toBeDefined();
      const form = registration(overrides);
      const answer = await browser.post(cabinetPaths.register, form);
      expect(answer.status, JSON.stringify(overrides)).toBe(400);
      expect(answer.body, JSON.stringify(overrides)).toMatchObject({ code, field });
      expect((answer.body.message as { ru: string }).ru.length).toBeGreaterThan(0);
      expect(await outboxFor(opened.db, form.email)).toEqual([]);
    }
    expect(await opened.db('cabinet_accounts').where({ surname: 'Smith' }).first()).toBeUndefined();
  });

  it('refuses a 10 MB body before reading it, and a write from another site', async () => {
    const browser = new CabinetBrowser(opened.server);
    const huge = JSON.stringify({ ...registration(), surname: 'Я'.repeat(5_000_000) });
    const big = await browser.call('POST', cabinetPaths.register, undefined, { raw: huge });
    expect(big.status).toBe(413);
    const foreign = await browser.call('POST', cabinetPaths.register, registration(), {
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('cabinet.origin');
  });

  it('refuses a wrong, an expired and a used e-mail link each with its own code', async () => {
    const browser = new CabinetBrowser(opened.server);
    const wrong = await browser.post(cabinetPaths.emailConfirm, { token: 'x'.repeat(43) });
    expect(wrong).toMatchObject({ status: 400, body: { code: 'cabinet.email.link_wrong', field: 'token' } });

    const form = registration();
    await browser.post(cabinetPaths.register, form);
    const token = await confirmToken(opened.db, form.email);
    const registeredAt = now;
    now = new Date(registeredAt.getTime() + 25 * 3600_000);
    const expired = await browser.post(cabinetPaths.emailConfirm, { token });
    expect(expired).toMatchObject({ status: 410, body: { code: 'cabinet.email.link_expired' } });

    // A new link (resend) works once; the old one and the new one again are spent.
    expect((await browser.post(cabinetPaths.emailResend, { email: form.email })).status).toBe(202);
    const fresh = await confirmToken(opened.db, form.email);
    expect(fresh).not.toBe(token);
    expect((await new CabinetBrowser(opened.server).post(cabinetPaths.emailConfirm, { token: fresh })).status).toBe(
      200,
    );
    const used = await new CabinetBrowser(opened.server).post(cabinetPaths.emailConfirm, { token: fresh });
    expect(used).toMatchObject({ status: 410, body: { code: 'cabinet.email.link_used' } });
    const old = await new CabinetBrowser(opened.server).post(cabinetPaths.emailConfirm, { token });
    expect(old.status).toBe(410);
    now = registeredAt;
  });

  it('answers a resend for an unknown e-mail as for a known one', async () => {
    const browser = new CabinetBrowser(opened.server);
    const unknown = await browser.post(cabinetPaths.emailResend, { email: 'nobody@example.ru' });
    expect(unknown).toMatchObject({ status: 202, body: { sentTo: 'n***@example.ru' } });
    expect(await outboxFor(opened.db, 'nobody@example.ru')).toEqual([]);
  });

  it('locks the account after five wrong codes, for 15 minutes, even for the right one', async () => {
    const { browser } = await registeredApplicant(opened.server, opened.db, { phone: '+79160000001' });
    expect((await browser.post(cabinetPaths.phoneSend, {})).status).toBe(200);
    const right = (await lastMessage(opened.db, '+79160000001', 'phone_code')).params.code!;
    const wrongCode = right === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const answer = await browser.post(cabinetPaths.phoneConfirm, { code: wrongCode });
      expect(answer).toMatchObject({ status: 400, body: { code: 'cabinet.code.wrong', field: 'code' } });
    }
    const fifth = await browser.post(cabinetPaths.phoneConfirm, { code: wrongCode });
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe('cabinet.locked');
    expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(0);
    const rightWhileLocked = await browser.post(cabinetPaths.phoneConfirm, { code: right });
    expect(rightWhileLocked.status).toBe(423);
    const sendWhileLocked = await browser.post(cabinetPaths.phoneSend, {});
    expect(sendWhileLocked.status).toBe(423);
    expect((await browser.get<Me>(cabinetPaths.me)).body.phoneConfirmed).toBe(false);
  });

  it('refuses a malformed code by its format, without counting it', async () => {
    const { browser } = await registeredApplicant(opened.server, opened.db);
    const answer = await browser.post(cabinetPaths.phoneConfirm, { code: '12ab' });
    expect(answer).toMatchObject({ status: 400, body: { code: 'cabinet.code.format', field: 'code' } });
  });
});
