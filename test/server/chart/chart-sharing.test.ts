import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cabinetChartPaths } from '../../../shared/cabinet/chart-api';
import { shareConsentSchema } from '../../../shared/chart/chart-views';
import { startMailSink, type MailSink } from '../../support/mail-sink';
import { cabinetOptions } from '../cabinet/accounts/cabinet-browser';
import { chartRow, doctorOnServer, signedInPatient } from '../cabinet/chart/chart-setup';
import { enrolledPatient, outcomes, pushAs } from '../portal/portal-setup';
import { enrolTestDevice, mutation, useTestServer, type TestDevice } from '../support/test-server';

// The real SMTP server first: the server's options name it.
let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
}, 60_000);
const opened = useTestServer(() => ({
  cabinet: {
    ...cabinetOptions(),
    background: true,
    transports: { mailFrom: '"Поликлиника" <noreply@clinic.test>', smtpUrl: sink.smtpUrl },
  },
}));
afterAll(async () => {
  await sink?.stop();
});

let desk: TestDevice;
let patientId: string;
let doctorId: string;
let shared: string;
let notShared: string;
let foreign: string;

const recipient = {
  name: 'Сидорова Елена Викторовна',
  organisation: 'ГКБ № 1',
  specialty: 'кардиолог',
  email: 'sidorova@gkb1.example.ru',
};

beforeAll(async () => {
  desk = await enrolTestDevice(opened.db, opened.server);
  patientId = await enrolledPatient(desk);
  const otherPatient = await enrolledPatient(desk);
  doctorId = await doctorOnServer(desk, 'Петров Пётр Петрович');
  const entry = { patient_id: patientId, doctor_id: doctorId, kind: 'encounter', visit_type: 'first' };
  shared = await chartRow(opened.db, 'chart_entries', {
    ...entry,
    occurred_at: '2026-11-20T07:30:00.000Z',
    summary: 'Кардиология: Гипертоническая болезнь II стадии',
    body: JSON.stringify({
      department: 'Кардиология',
      complaints: 'Головная боль по утрам',
      conclusion: 'Гипертоническая болезнь II стадии, риск 3',
    }),
  });
  notShared = await chartRow(opened.db, 'chart_entries', {
    ...entry,
    occurred_at: '2026-10-01T07:30:00.000Z',
    summary: 'Гинекология: осмотр',
  });
  foreign = await chartRow(opened.db, 'chart_entries', {
    ...entry,
    patient_id: otherPatient,
    occurred_at: '2026-10-01T07:30:00.000Z',
    summary: 'Чужая запись',
  });
}, 120_000);

/** A consent given at the desk by the doctor, as the desk's door writes it. */
function deskConsent(changed: Record<string, unknown> = {}) {
  return mutation({
    table: 'share_consents',
    actorId: doctorId,
    changed: {
      patient_id: patientId,
      recipient: JSON.stringify(recipient),
      scope: 'entries',
      entry_ids: JSON.stringify([shared]),
      valid_until: null,
      given_at: '2026-11-25T09:00:00.000Z',
      given_via: 'desk',
      given_by: doctorId,
      revoked_at: null,
      revoked_by: null,
      revocation_reason: null,
      ...changed,
    } as never,
  });
}

/** A sending as a desk pushes it — or as a forged desk would, whatever its own check said. */
function sending(consentId: string, entryIds: string[]) {
  return mutation({
    table: 'chart_shares',
    actorId: doctorId,
    changed: {
      patient_id: patientId,
      consent_id: consentId,
      entry_ids: JSON.stringify(entryIds),
      shared_at: '2026-11-25T09:00:00.000Z',
      shared_by: doctorId,
      sent_at: null,
    },
  });
}

describe('sharing a record only with consent, judged by the server (D6)', () => {
  it('sends entries within a consent in force, e-mailing their content to the recipient through real SMTP', async () => {
    const consent = deskConsent();
    expect(outcomes(await pushAs(desk, consent))).toEqual(['applied']);
    expect(outcomes(await pushAs(desk, sending(consent.rowId, [shared])))).toEqual(['applied']);
    const mail = await sink.waitFor((message) => message.to.includes(recipient.email), 60_000);
    expect(mail.subject).toContain('медицинские записи');
    expect(mail.text).toContain('20.11.2026 — Кардиология: Гипертоническая болезнь II стадии');
    expect(mail.text).toContain('Жалобы: Головная боль по утрам');
    expect(mail.text).toContain('Заключение: Гипертоническая болезнь II стадии, риск 3');
    expect(mail.text).toContain('Иванова Мария Петровна');
    expect(mail.text).not.toContain('Гинекология');
  });

  it('refuses a forged push: no consent, entries outside its scope or of another patient, after revocation, past its day', async () => {
    const consent = deskConsent();
    const [given] = await pushAs(desk, consent);
    expect(given).toMatchObject({ status: 'applied' });
    const versionOf = (result: typeof given) => (result?.status === 'applied' ? result.version : 0);
    expect(outcomes(await pushAs(desk, sending(uuidv7(), [shared])))).toEqual(['chart.share.consent_not_found']);
    expect(outcomes(await pushAs(desk, sending(consent.rowId, [shared, notShared])))).toEqual([
      'chart.share.out_of_scope',
    ]);
    const whole = deskConsent({ scope: 'whole_record', entry_ids: '[]' });
    const [wholeGiven] = await pushAs(desk, whole);
    expect(wholeGiven).toMatchObject({ status: 'applied' });
    expect(outcomes(await pushAs(desk, sending(whole.rowId, [foreign])))).toEqual(['chart.share.out_of_scope']);

    const revoke = mutation({
      table: 'share_consents',
      rowId: consent.rowId,
      baseVersion: versionOf(given),
      actorId: doctorId,
      changed: { revoked_at: '2026-11-25T10:00:00.000Z', revoked_by: doctorId, revocation_reason: 'Пациент передумал' },
    });
    expect(outcomes(await pushAs(desk, revoke))).toEqual(['applied']);
    expect(outcomes(await pushAs(desk, sending(consent.rowId, [shared])))).toEqual(['chart.share.consent_revoked']);
    const widen = mutation({
      table: 'share_consents',
      rowId: whole.rowId,
      baseVersion: versionOf(wholeGiven),
      actorId: doctorId,
      changed: { recipient: JSON.stringify({ ...recipient, email: 'other@example.ru' }) },
    });
    expect(outcomes(await pushAs(desk, widen))).toEqual(['chart.share.immutable']);

    const lapsed = deskConsent({ valid_until: '2025-01-31' });
    expect(outcomes(await pushAs(desk, lapsed))).toEqual(['applied']);
    expect(outcomes(await pushAs(desk, sending(lapsed.rowId, [shared])))).toEqual(['chart.share.consent_expired']);

    const shares = await opened.db('records').where({ table_name: 'chart_shares' }).count<{ n: unknown }[]>('* as n');
    expect(Number(shares[0]?.n)).toBe(1);
  });

  it('takes a consent given in the cabinet, which a desk may send under until the patient revokes it there', async () => {
    const patient = await signedInPatient(opened.db, opened.server, patientId, new Date());
    const given = await patient.browser.post(cabinetChartPaths.shareConsents, {
      recipient,
      scope: 'entries',
      entryIds: [shared],
    });
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    const consent = shareConsentSchema.parse(given.body);
    expect(consent).toMatchObject({ givenVia: 'cabinet', revokedAt: null, entryIds: [shared] });
    const outside = await patient.browser.post(cabinetChartPaths.shareConsents, {
      recipient,
      scope: 'entries',
      entryIds: [foreign],
    });
    expect(outside).toMatchObject({ status: 400, body: { code: 'chart.share.out_of_scope' } });

    expect(outcomes(await pushAs(desk, sending(consent.id, [shared])))).toEqual(['applied']);
    const revoked = await patient.browser.post(cabinetChartPaths.shareRevoke.replace(':id', consent.id), {
      reason: 'Больше не нужно',
    });
    expect(revoked.status).toBe(200);
    expect(shareConsentSchema.parse(revoked.body).revokedAt).not.toBeNull();
    expect(outcomes(await pushAs(desk, sending(consent.id, [shared])))).toEqual(['chart.share.consent_revoked']);
    const again = await patient.browser.post(cabinetChartPaths.shareRevoke.replace(':id', consent.id), {
      reason: 'Ещё раз',
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'chart.share.consent_revoked' } });

    const list = await patient.browser.get<{ consents: { id: string }[]; shares: { consentId: string }[] }>(
      cabinetChartPaths.shares,
    );
    expect(list.body.consents.map((item) => item.id)).toContain(consent.id);
    expect(list.body.shares.filter((item) => item.consentId === consent.id)).toHaveLength(1);
  });
});
