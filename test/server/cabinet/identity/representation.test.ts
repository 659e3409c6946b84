import { beforeAll, describe, expect, it } from 'vitest';
import { defaultClinicId } from '../../../../server/clinics/clinics';
import { openCabinetSession } from '../../../../server/cabinet/session/cabinet-session';
import { cabinetPaths, type Representation } from '../../../../shared/cabinet/cabinet-api';
import { outcomes, pushAs } from '../../portal/portal-setup';
import { enrolTestDevice, mutation, useTestServer, type TestDevice } from '../../support/test-server';
import { CabinetBrowser, cabinetOptions, lastMessage, registeredApplicant } from '../accounts/cabinet-browser';
import { cardAtDesk, freshSnils } from './identity-setup';

const opened = useTestServer(() => ({ cabinet: cabinetOptions() }));
const db = () => opened.db;
const server = () => opened.server;
let desk: TestDevice;

beforeAll(async () => {
  desk = await enrolTestDevice(db(), server());
}, 120_000);

/** The representative as the desk writes them on a proxy (registration's own person). */
const representative = {
  surname: 'Смирнова',
  name: 'Анна',
  patronymic: 'Игоревна',
  birth_date: '1985-06-01',
  phone: '+79161234567',
};

/** A patient of the clinic with a proxy for the representative (fields of the proxy overridden). */
async function proxyFor(
  patient: { surname: string; birth_date: string },
  proxy: Record<string, string | null>,
): Promise<string> {
  const patientId = await cardAtDesk(desk, { snils: freshSnils(), ...patient });
  const changed = {
    patient_id: patientId,
    ...representative,
    foreign_citizen: 0,
    relationship: 'other',
    basis: 'power_of_attorney',
    document_number: '77 АБ 1234567',
    document_issued_on: '2026-01-10',
    document_expires_on: null,
    document_issuer: 'Нотариус г. Москвы',
    scope: JSON.stringify(['visits', 'results']),
    starts_on: '2026-01-10',
    ends_on: null,
    revoked_at: null,
    ...proxy,
  };
  expect(outcomes(await pushAs(desk, mutation({ table: 'proxies', changed })))).toEqual(['applied']);
  return patientId;
}

/** The representative's account with the phone confirmed by its SMS code, and a full (patient-stage) session. */
async function signedInRepresentative(
  confirmPhone: boolean,
): Promise<{ patient: CabinetBrowser; applicant: CabinetBrowser }> {
  const { browser, me } = await registeredApplicant(server(), db(), {
    surname: representative.surname,
    name: representative.name,
    patronymic: representative.patronymic,
    birthDate: representative.birth_date,
    phone: representative.phone,
  });
  if (confirmPhone) {
    expect((await browser.post(cabinetPaths.phoneSend, {})).status).toBe(200);
    const { code } = (await lastMessage(db(), representative.phone, 'phone_code')).params;
    expect((await browser.post(cabinetPaths.phoneConfirm, { code })).status).toBe(200);
  }
  // Activation and the two-factor sign-in are the accounts' tests; here the session they end in.
  const session = await openCabinetSession(
    db(),
    { accountId: me.accountId, clinicId: await defaultClinicId(db()), stage: 'patient' },
    new Date(),
  );
  const patient = new CabinetBrowser(server());
  patient.cookie = session.cookieValue;
  patient.csrf = session.csrfToken;
  return { patient, applicant: browser };
}

describe('the people an account represents (B9)', () => {
  it('lists oneself and each patient with a proxy in force naming the account’s person; a child under 15 only for a legal representative', async () => {
    const adult = await proxyFor(
      { surname: 'Орлов', birth_date: '1950-02-02' },
      { surname: 'СМИРНОВА', document_expires_on: '2030-06-30', ends_on: '2031-12-31' },
    );
    const child = await proxyFor(
      { surname: 'Смирнов', birth_date: '2018-05-05' },
      { basis: 'parent_of_minor', relationship: 'mother', scope: JSON.stringify(['visits']) },
    );
    await proxyFor({ surname: 'Смирнов', birth_date: '2016-03-03' }, { basis: 'power_of_attorney' });
    await proxyFor({ surname: 'Белов', birth_date: '1960-01-01' }, { revoked_at: '2026-02-01T10:00:00.000Z' });
    await proxyFor({ surname: 'Белов', birth_date: '1961-01-01' }, { ends_on: '2026-02-01' });
    await proxyFor({ surname: 'Белов', birth_date: '1962-01-01' }, { starts_on: '2099-01-01' });
    await proxyFor({ surname: 'Белов', birth_date: '1963-01-01' }, { phone: '+79160000000' });
    await proxyFor({ surname: 'Белов', birth_date: '1964-01-01' }, { patronymic: 'Петровна' });

    const { patient } = await signedInRepresentative(true);
    const reply = await patient.get<Representation>(cabinetPaths.representation);
    expect(reply.status).toBe(200);
    const persons = reply.body.persons;
    expect(persons[0]).toMatchObject({ self: true, surname: 'Смирнова', underFifteen: false, until: null });
    expect(persons[0]?.scope).toContain('diagnoses');
    expect(persons.slice(1)).toEqual([
      {
        patientId: adult,
        surname: 'Орлов',
        name: 'Мария',
        patronymic: 'Петровна',
        birthDate: '1950-02-02',
        self: false,
        underFifteen: false,
        scope: ['visits', 'results'],
        until: '2030-06-30',
      },
      expect.objectContaining({
        patientId: child,
        underFifteen: true,
        scope: ['visits'],
        // A parent's proxy ends the day before the 15th birthday.
        until: '2033-05-04',
      }),
    ]);
  });

  it('without a confirmed phone nobody else is listed; an applicant’s session sees none of it', async () => {
    const { patient, applicant } = await signedInRepresentative(false);
    const reply = await patient.get<Representation>(cabinetPaths.representation);
    expect(reply.body.persons.map((person) => person.self)).toEqual([true]);
    expect(await applicant.get(cabinetPaths.representation)).toMatchObject({
      status: 403,
      body: { code: 'cabinet.session.stage' },
    });
    expect((await fetch(`${server().origin}/api/cabinet${cabinetPaths.representation}`)).status).toBe(401);
  });
});
