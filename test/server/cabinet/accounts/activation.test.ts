import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueActivationCode } from '../../../../server/cabinet/applications/activation-codes';
import { emptyApplication } from '../../../../server/cabinet/applications/submit-application';
import { defaultClinicId } from '../../../../server/clinics/clinics';
import { withChangeLog } from '../../../../server/sync/change-log';
import { cabinetPaths, type Me, type SignInChallenge } from '../../../../shared/cabinet/cabinet-api';
import { useTestServer } from '../../support/test-server';
import { CabinetBrowser, cabinetOptions, lastMessage, registeredApplicant } from './cabinet-browser';

let now = new Date('2026-03-02T09:00:00Z');
const opened = useTestServer(() => ({ now: () => now, cabinet: cabinetOptions() }));
const password = 'Весна-2026!';

/**
 * An applicant whose application the clinic approved (as the desk's decision leaves it): its row,
 * written as the server writes, and an activation code for the channel.
 */
async function approvedApplicant(channel: 'sms' | 'print' = 'sms') {
  const { browser, me, form } = await registeredApplicant(opened.server, opened.db);
  const clinicId = await defaultClinicId(opened.db);
  const applicationId = randomUUID();
  const at = now.toISOString();
  await withChangeLog(opened.db, { now, clinicId }, async (log) => {
    const data = {
      ...emptyApplication,
      patient_id: me.patientId,
      account_id: me.accountId,
      number: `П-${applicationId.slice(0, 6)}`,
      channel: 'portal',
      urgent: false,
      status: 'approved',
      submitted_at: at,
      due_at: at,
      decided_at: at,
      activation_channel: channel,
      created_at: at,
      created_by: null,
      updated_at: at,
      updated_by: null,
      device_id: null,
    };
    await log.writeRow({
      table: 'applications',
      rowId: applicationId,
      data,
      fieldVersions: {},
      changedFields: Object.keys(data),
      deviceId: null,
      mutationId: null,
      actorId: null,
      actorAt: null,
    });
  });
  const issue = () =>
    opened.db.transaction((trx) =>
      issueActivationCode(trx, { clinicId, applicationId, accountId: me.accountId, channel }, now),
    );
  return { browser, me, form, applicationId, issue };
}

describe('activation', () => {
  it('sets the password with the clinic’s code; the patient then signs in with it and a code', async () => {
    const { browser, form, issue } = await approvedApplicant();
    const { code } = await issue();
    const weak = await browser.post(cabinetPaths.activate, { email: form.email, code, password: 'короткий' });
    expect(weak).toMatchObject({ status: 400, body: { code: 'auth.password.weak', field: 'password' } });
    const issues = (weak.body.issues as { code: string }[]).map((issue) => issue.code);
    expect(issues).toEqual(['auth.password.no_upper', 'auth.password.no_digit', 'auth.password.no_special']);

    const activated = await browser.post(cabinetPaths.activate, { email: form.email.toUpperCase(), code, password });
    expect(activated.status).toBe(204);
    // A new credential: the applicant's session is over.
    expect((await browser.get(cabinetPaths.me)).status).toBe(401);

    const fresh = new CabinetBrowser(opened.server);
    const challenge = await fresh.post<SignInChallenge>(cabinetPaths.signIn, { email: form.email, password });
    expect(challenge.status).toBe(200);
    await fresh.post(cabinetPaths.signInSend, { challengeId: challenge.body.challengeId, channel: 'email' });
    const signInCode = (await lastMessage(opened.db, form.email, 'sign_in_code')).params.code;
    const me = await fresh.post<Me>(cabinetPaths.signInVerify, {
      challengeId: challenge.body.challengeId,
      channel: 'email',
      code: signInCode,
    });
    expect(me.body).toMatchObject({ stage: 'patient', activated: true });
  });

  it('refuses a wrong, an expired and a used activation code each with its own code', async () => {
    const { browser, form, issue } = await approvedApplicant();
    const { code } = await issue();
    const wrong = await browser.post(cabinetPaths.activate, { email: form.email, code: '00000000', password });
    expect(wrong).toMatchObject({ status: 400, body: { code: 'application.activation.wrong', field: 'code' } });
    const untouched = await opened
      .db('cabinet_accounts')
      .where({ email: form.email })
      .first('password_hash', 'activated_at');
    expect(untouched).toEqual({ password_hash: null, activated_at: null });

    const start = now;
    now = new Date(start.getTime() + 11 * 60_000);
    const expired = await browser.post(cabinetPaths.activate, { email: form.email, code, password });
    expect(expired).toMatchObject({ status: 410, body: { code: 'application.activation.expired' } });
    // The clinic sends another code a minute later.
    now = new Date(start.getTime() + 60_000);
    const second = await issue();
    expect((await browser.post(cabinetPaths.activate, { email: form.email, code: second.code, password })).status).toBe(
      204,
    );
    const used = await new CabinetBrowser(opened.server).post(cabinetPaths.activate, {
      email: form.email,
      code: second.code,
      password,
    });
    expect(used).toMatchObject({ status: 410, body: { code: 'application.activation.used' } });
    // An e-mail with no account: wrong, like a wrong code.
    const unknown = await new CabinetBrowser(opened.server).post(cabinetPaths.activate, {
      email: 'nobody@example.ru',
      code,
      password,
    });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'application.activation.wrong' } });
    now = start;
  });
});
