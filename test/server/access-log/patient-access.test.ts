import { beforeAll, describe, expect, it } from 'vitest';
import { createClinic } from '../../../server/clinics/clinics';
import { accessLogQuery, cabinetAccessLogPath, type CabinetAccessLog } from '../../../shared/cabinet/access-log-api';
import { accessLogPageSchema, type AccessLogPage } from '../../../shared/rights/access-log';
import { outcomes, pushAs } from '../portal/portal-setup';
import { signedInPatient } from '../cabinet/chart/chart-setup';
import { cabinetOptions, type CabinetBrowser } from '../cabinet/accounts/cabinet-browser';
import { cardAtDesk, freshSnils } from '../cabinet/identity/identity-setup';
import { enrolTestDevice, mutation, testStaff, useTestServer, type TestDevice } from '../support/test-server';
import { DeskChain } from './access-log-setup';

const suite = useTestServer(() => ({ cabinet: cabinetOptions() }));
let reception: TestDevice;
let surgery: TestDevice;
let otherClinicDesk: TestDevice;
let patientId: string;
let surgeryChain: DeskChain;

const doctor = testStaff.otherClerk;
const clerk = testStaff.clerk;

beforeAll(async () => {
  reception = await enrolTestDevice(suite.db, suite.server, 'Регистратура 1');
  surgery = await enrolTestDevice(suite.db, suite.server, 'Кабинет 12');
  const clinicB = (await createClinic(suite.db, 'Клиника Б', new Date())).id;
  otherClinicDesk = await enrolTestDevice(suite.db, suite.server, 'Чужая регистратура', {
    clinicId: clinicB,
    staff: false,
  });
  patientId = await cardAtDesk(reception, { snils: freshSnils() });
  await new DeskChain(reception).push([
    { minutes: 0, action: 'patients.search', actorId: clerk, actorRole: 'clerk', patientId },
    { minutes: 1, action: 'patients.read', actorId: clerk, actorRole: 'clerk', patientId },
    { minutes: 3, action: 'documents.read', actorId: clerk, actorRole: 'clerk', patientId },
    { minutes: 5, action: 'patients.contacts.update', actorId: clerk, actorRole: 'clerk', patientId },
  ]);
  surgeryChain = new DeskChain(surgery);
  await surgeryChain.push([
    { minutes: 60, action: 'patients.read', actorId: doctor, patientId },
    { minutes: 70, action: 'chart.history', actorId: doctor, patientId },
    { minutes: 90, action: 'chart.entry', actorId: doctor, patientId },
    {
      minutes: 200,
      action: 'chart.emergency.started',
      actorId: doctor,
      patientId,
      details: { emergencyAccessId: 'g1' },
    },
    { minutes: 201, action: 'chart.entry', actorId: doctor, patientId, details: { emergencyAccessId: 'g1' } },
  ]);
  // The same patient id in another clinic's chain: never part of this clinic's log.
  await new DeskChain(otherClinicDesk).push([
    { minutes: 300, action: 'patients.read', actorId: 'stranger', patientId },
  ]);
}, 120_000);

async function deskLog(desk: TestDevice, body: Record<string, unknown>): Promise<AccessLogPage> {
  const reply = await desk.send('POST', '/v1/audit/patient-access', { body });
  expect(reply.status).toBe(200);
  return accessLogPageSchema.parse(reply.json());
}

describe('«Журнал доступа» on the server: the desk’s route (F2)', () => {
  it('answers the clinic-wide log grouped by visit, newest first, with names and desks', async () => {
    const page = await deskLog(reception, { patientId });
    expect(page.lines.map((line) => [line.kind, line.count, line.deviceName, line.emergency])).toEqual([
      ['read', 1, 'Кабинет 12', true],
      ['emergency', 1, 'Кабинет 12', true],
      ['opened', 3, 'Кабинет 12', false],
      ['changed', 1, 'Регистратура 1', false],
      ['opened', 2, 'Регистратура 1', false],
    ]);
    expect(page.lines[4]).toMatchObject({
      actorName: 'test.clerk',
      actorRole: 'clerk',
      sections: ['documents', 'card'],
    });
    expect(page.hidden).toEqual({ own: 0, listed: 1 });
    expect(page.cursor).toBeNull();
  });

  it('shows the search list when asked', async () => {
    const page = await deskLog(reception, { patientId, showListed: true });
    expect(page.lines.at(-1)).toMatchObject({ kind: 'listed', actorName: 'test.clerk' });
  });

  it('never shows another clinic’s events, to either clinic', async () => {
    const ours = await deskLog(surgery, { patientId });
    expect(ours.lines.some((line) => line.actorId === 'stranger')).toBe(false);
    const theirs = await deskLog(otherClinicDesk, { patientId });
    expect(theirs.lines.map((line) => line.actorId)).toEqual(['stranger']);
  });

  it('pages by the cursor: the next page continues where the first ended', async () => {
    const first = await deskLog(reception, { patientId, limit: 2 });
    expect(first.lines).toHaveLength(2);
    const second = await deskLog(reception, { patientId, limit: 2, cursor: first.cursor });
    expect(second.lines.map((line) => line.kind)).toEqual(['opened', 'changed']);
  });

  it('refuses a malformed question', async () => {
    const reply = await reception.send('POST', '/v1/audit/patient-access', { body: { patientId: '', limit: 1e6 } });
    expect(reply.status).toBe(400);
  });
});

describe('«Кто открывал мою карту» in the cabinet (F2)', () => {
  let browser: CabinetBrowser;

  beforeAll(async () => {
    ({ browser } = await signedInPatient(suite.db, suite.server, patientId, new Date()));
  });

  const read = async (query: Parameters<typeof accessLogQuery>[0]) => {
    const answer = await browser.get<CabinetAccessLog>(`${cabinetAccessLogPath}?${accessLogQuery(query)}`);
    return answer;
  };

  it('shows the patient the clinic’s access, hides their own, and audits each reading of the log', async () => {
    const first = await read({ own: false, noise: false });
    expect(first.status).toBe(200);
    expect(first.body.lines.map((line) => line.actorName)).toContain('test.clerk');
    expect(first.body.lines.some((line) => line.own)).toBe(false);
    const mine = await read({ own: true, noise: false });
    const own = mine.body.lines.filter((line) => line.own);
    expect(own[0]).toMatchObject({
      kind: 'read',
      sections: ['access_log'],
      actorRole: 'patient',
      deviceName: 'Личный кабинет пациента (сервер)',
    });
    // And the clinic's desk sees the patient's reading of it too, when it shows the patient's own.
    const atDesk = await deskLog(reception, { patientId, showOwn: true });
    expect(atDesk.lines[0]).toMatchObject({ own: true, action: 'patients.access_log.read', count: 2 });
  });

  it('refuses a person the account does not represent (404) and a proxy without the scope (403)', async () => {
    const stranger = await cardAtDesk(reception, { snils: freshSnils(), birth_date: '1950-01-01' });
    const notMine = await read({ person: stranger, own: false, noise: false });
    expect(notMine).toMatchObject({ status: 404, body: { code: 'access_log.person_not_found' } });

    const proxy = (scope: string[]) =>
      mutation({
        table: 'proxies',
        changed: {
          patient_id: stranger,
          surname: 'Иванова',
          name: 'Мария',
          patronymic: 'Петровна',
          birth_date: '1980-03-15',
          phone: '+79161234567',
          foreign_citizen: 0,
          relationship: 'other',
          basis: 'power_of_attorney',
          document_number: '77 АБ 1234567',
          document_issued_on: '2026-01-10',
          document_expires_on: null,
          document_issuer: 'Нотариус г. Москвы',
          scope: JSON.stringify(scope),
          starts_on: '2026-01-10',
          ends_on: null,
          revoked_at: null,
        },
      });
    expect(outcomes(await pushAs(reception, proxy(['visits', 'results'])))).toEqual(['applied']);
    const outOfScope = await read({ person: stranger, own: false, noise: false });
    expect(outOfScope).toMatchObject({ status: 403, body: { code: 'access_log.out_of_scope' } });

    expect(outcomes(await pushAs(reception, proxy(['personal'])))).toEqual(['applied']);
    await surgeryChain.push([{ minutes: 400, action: 'patients.read', actorId: doctor, patientId: stranger }]);
    const granted = await read({ person: stranger, own: false, noise: false });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ patientId: stranger, lines: [{ kind: 'opened', deviceName: 'Кабинет 12' }] });
  });

  it('refuses a malformed query', async () => {
    const reply = await browser.get(`${cabinetAccessLogPath}?cursor=abc`);
    expect(reply.status).toBe(400);
  });
});
