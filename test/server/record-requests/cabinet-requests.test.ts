import { beforeAll, describe, expect, it } from 'vitest';
import { sweepOverdueRequests } from '../../../server/cabinet/record-requests/escalation-sweep';
import {
  cabinetRecordRequestDetailSchema,
  cabinetRecordRequestListSchema,
  cabinetRecordRequestPaths,
  type CabinetRecordRequestDetail,
} from '../../../shared/cabinet/record-requests-api';
import { outbox } from '../cabinet/applications/application-setup';
import { cabinetOptions, type CabinetBrowser } from '../cabinet/accounts/cabinet-browser';
import { signedInPatient } from '../cabinet/chart/chart-setup';
import { enrolledPatient } from '../portal/portal-setup';
import { enrolTestDevice, useTestServer, type TestDevice } from '../support/test-server';
import {
  askedRequest,
  auditEvents,
  draft,
  footprint,
  fulfilled,
  lastRequestCode,
  publishCalendar,
  requestData,
  signInAgain,
} from './request-setup';

// The server's clock: the real one (a desk's signed push must be within minutes of it), or a fixed
// instant while the cabinet asks at a chosen day.
let fixed: Date | undefined;
const clock = () => fixed ?? new Date();
const opened = useTestServer(() => ({ now: clock, cabinet: cabinetOptions() }));
const db = () => opened.db;

let desk: TestDevice;
let patientId: string;
let otherPatientId: string;
let patient: { browser: CabinetBrowser; accountId: string };

/** Runs `steps` with the server's clock at `at` and the patient signed in then. */
async function on<T>(at: string, who: { browser: CabinetBrowser; accountId: string }, steps: () => Promise<T>) {
  fixed = new Date(at);
  try {
    await signInAgain(db(), who.browser, who.accountId, fixed);
    return await steps();
  } finally {
    fixed = undefined;
    // Back to the real clock, with a session of its time.
    await signInAgain(db(), who.browser, who.accountId, clock());
  }
}

beforeAll(async () => {
  desk = await enrolTestDevice(db(), opened.server);
  patientId = await enrolledPatient(desk);
  otherPatientId = await enrolledPatient(desk);
  // 2027's calendar as the clinic publishes it: 1–8 January off (published before any deadline is counted).
  await publishCalendar(
    desk,
    2027,
    Array.from({ length: 8 }, (_, at) => `<day d="01.0${at + 1}" t="1" h="1"/>`),
  );
  patient = await signedInPatient(db(), opened.server, patientId, clock());
}, 120_000);

describe('a patient asks for their records in the cabinet (F3, seed §5.3)', () => {
  it('confirms the request with the code sent to the phone: a number, the deadline, a notice and an audit event', async () => {
    const { browser, accountId } = patient;
    const asked = await on('2026-12-07T09:00:00.000Z', patient, async () => {
      const sent = await browser.post(cabinetRecordRequestPaths.draft, draft());
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual({ sentTo: expect.any(String), resendAfterSeconds: 60 });
      const code = await lastRequestCode(db(), accountId);
      const confirmed = await browser.post<CabinetRecordRequestDetail>(cabinetRecordRequestPaths.list, {
        draft: draft(),
        code,
      });
      expect(confirmed.status).toBe(201);
      return cabinetRecordRequestDetailSchema.parse(confirmed.body);
    });
    expect(asked.request).toMatchObject({
      number: expect.stringMatching(/^З-2026-\d{6}$/),
      patientId,
      forPerson: null,
      purpose: 'Для консультации в другой клинике',
      materials: { sections: ['all'] },
      formats: ['pdf', 'paper'],
      status: 'open',
      // Monday 7 December + 5 working days (the weekend skipped).
      dueOn: '2026-12-14',
      overdue: false,
      filesReady: 0,
      availableUntil: null,
    });
    expect((await requestData(db(), asked.request.id)).data).toMatchObject({
      account_id: accountId,
      confirmed_via: 'sms_code',
      status: 'open',
      escalated_at: null,
    });
    const messages = await outbox(db(), { accountId });
    expect(messages.map((message) => [message.template, message.channel])).toEqual([
      ['record_request_code', 'sms'],
      ['record_request_received', 'email'],
    ]);
    expect(messages[1]!.params).toEqual({ number: asked.request.number, dueOn: '2026-12-14' });
    const submitted = await auditEvents(db(), 'record_requests.submitted');
    expect(submitted.at(-1)).toMatchObject({
      actor_id: accountId,
      actor_role: 'patient',
      patient_id: patientId,
      details: { requestId: asked.request.id, number: asked.request.number },
    });

    const list = await browser.get(cabinetRecordRequestPaths.list);
    expect(list.status).toBe(200);
    const items = cabinetRecordRequestListSchema.parse(list.body).items;
    expect(items.map((item) => item.id)).toContain(asked.request.id);
  });

  it('counts the 5 working days by the clinic’s production calendar, across the New Year holidays', async () => {
    const who = await signedInPatient(db(), opened.server, patientId, clock());
    const asked = await on('2026-12-30T09:00:00.000Z', who, () =>
      askedRequest(db(), who.browser, who.accountId, draft({ formats: ['semd', 'fhir'] })),
    );
    // 31.12 is the 1st; 1–8 January are off, 9–10 a weekend; 11, 12, 13 and 14 January the rest.
    expect(asked.request.dueOn).toBe('2027-01-14');
    expect(asked.request.formats).toEqual(['semd', 'fhir']);
  });

  it('numbers requests in the clinic’s year one after another', async () => {
    const who = await signedInPatient(db(), opened.server, patientId, clock());
    const first = await on('2026-12-08T09:00:00.000Z', who, () => askedRequest(db(), who.browser, who.accountId));
    const second = await on('2026-12-08T09:02:00.000Z', who, () => askedRequest(db(), who.browser, who.accountId));
    expect(Number(second.request.number.slice(-6))).toBe(Number(first.request.number.slice(-6)) + 1);
  });
});

describe('bad input is refused with its own code, and nothing is written', () => {
  const refusedDraft = async (browser: CabinetBrowser, body: unknown) => {
    const before = await footprint(db());
    const answer = await browser.post<{ code: string; field?: string }>(cabinetRecordRequestPaths.draft, body);
    expect(await footprint(db())).toEqual(before);
    return { status: answer.status, code: answer.body.code, field: answer.body.field };
  };

  it('a draft without a purpose, with an unknown or no format, or with a period that ends before it starts', async () => {
    const { browser } = patient;
    const { purpose: _omitted, ...withoutPurpose } = draft();
    expect(await refusedDraft(browser, withoutPurpose)).toEqual({
      status: 400,
      code: 'records.request.purpose',
      field: 'purpose',
    });
    expect(await refusedDraft(browser, draft({ purpose: '  а ' }))).toMatchObject({ code: 'records.request.purpose' });
    expect(await refusedDraft(browser, draft({ purpose: 'я'.repeat(1001) }))).toMatchObject({
      code: 'records.request.purpose',
    });
    expect(await refusedDraft(browser, { ...draft(), formats: ['pdf', 'docx'] })).toEqual({
      status: 400,
      code: 'records.request.format',
      field: 'formats.1',
    });
    expect(await refusedDraft(browser, draft({ formats: [] }))).toMatchObject({ code: 'records.request.format_none' });
    expect(
      await refusedDraft(
        browser,
        draft({ materials: { sections: ['diagnoses'], from: '2026-05-01', to: '2026-01-01' } }),
      ),
    ).toMatchObject({ code: 'records.request.period', field: 'materials.to' });
    expect(await refusedDraft(browser, { ...draft(), materials: { sections: ['gossip'] } })).toMatchObject({
      status: 400,
      field: 'materials.sections.0',
    });
  });

  it('a draft for a person the account does not represent: 404, whether or not the card exists', async () => {
    expect(await refusedDraft(patient.browser, draft({ patientId: otherPatientId }))).toEqual({
      status: 404,
      code: 'records.request.person',
      field: 'patientId',
    });
  });

  it('a wrong code, the code of another draft, an expired code: refused, no request written', async () => {
    // An account of its own: wrong codes count towards its lockout.
    const who = await signedInPatient(db(), opened.server, patientId, clock());
    await on('2026-12-09T09:00:00.000Z', who, async () => {
      expect((await who.browser.post(cabinetRecordRequestPaths.draft, draft())).status).toBe(200);
      const code = await lastRequestCode(db(), who.accountId);
      const before = await footprint(db());
      const wrong = await who.browser.post(cabinetRecordRequestPaths.list, {
        draft: draft(),
        code: code === '000000' ? '111111' : '000000',
      });
      expect([wrong.status, wrong.body.code, wrong.body.field]).toEqual([400, 'cabinet.code.wrong', 'code']);
      const changed = await who.browser.post(cabinetRecordRequestPaths.list, {
        draft: draft({ formats: ['fhir'] }),
        code,
      });
      expect([changed.status, changed.body.code]).toEqual([400, 'cabinet.code.wrong']);
      fixed = new Date('2026-12-09T09:11:00.000Z');
      const late = await who.browser.post(cabinetRecordRequestPaths.list, { draft: draft(), code });
      expect([late.status, late.body.code]).toEqual([410, 'cabinet.code.expired']);
      expect(await footprint(db())).toEqual(before);
    });
  });

  it('an account at the applicant stage may not ask', async () => {
    const who = await signedInPatient(db(), opened.server, patientId, clock());
    await db()('cabinet_sessions').where({ account_id: who.accountId }).update({ stage: 'applicant' });
    const answer = await who.browser.post(cabinetRecordRequestPaths.draft, draft());
    expect([answer.status, answer.body.code]).toEqual([403, 'cabinet.session.stage']);
  });
});

describe('the files are downloaded from the cabinet, by the account that asked, for a limited time', () => {
  it('downloads the file of a done request; another account finds nothing; after 30 days it has expired', async () => {
    // Each case its own account: a code may be asked again only a minute after the last (server clock).
    patient = await signedInPatient(db(), opened.server, patientId, clock());
    const asked = await askedRequest(db(), patient.browser, patient.accountId);
    const bytes = Buffer.from('%PDF-1.7\n% выписка из медицинской карты\n%%EOF\n', 'utf8');
    await fulfilled(db(), desk, { id: asked.request.id, patientId }, bytes);

    const { data } = await requestData(db(), asked.request.id);
    const fulfilledAt = Date.parse(String(data.fulfilled_at));
    expect(data.available_until).toBe(new Date(fulfilledAt + 30 * 86_400_000).toISOString());
    expect(typeof data.notified_at).toBe('string');
    const ready = (await outbox(db(), { accountId: patient.accountId })).filter(
      (message) => message.template === 'record_request_ready',
    );
    expect(ready.map((message) => message.params)).toEqual([
      {
        number: asked.request.number,
        availableUntil: data.available_until,
        link: 'http://cabinet.test/cabinet/record-requests',
      },
    ]);

    const one = await patient.browser.get(cabinetRecordRequestPaths.one.replace(':id', asked.request.id));
    expect(one.status).toBe(200);
    const detail = cabinetRecordRequestDetailSchema.parse(one.body);
    expect(detail.request).toMatchObject({ status: 'done', filesReady: 1, expired: false });
    expect(detail.files).toEqual([
      expect.objectContaining({ format: 'pdf', fileName: 'Выписка З-2026-000001.pdf', size: bytes.length }),
    ]);
    const fileId = detail.files[0]!.id;
    const path = cabinetRecordRequestPaths.file.replace(':id', asked.request.id).replace(':fileId', fileId);

    const response = await fetch(`${opened.server.origin}/api/cabinet${path}`, {
      headers: { cookie: `medcard_cabinet=${patient.browser.cookie}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Выписка З-2026-000001.pdf')}`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await auditEvents(db(), 'record_requests.downloaded')).at(-1)).toMatchObject({
      actor_id: patient.accountId,
      patient_id: patientId,
      details: { requestId: asked.request.id, fileId, format: 'pdf' },
    });

    // Another account — of another card, or even of the same card — is told the file does not exist.
    for (const card of [otherPatientId, patientId]) {
      const other = await signedInPatient(db(), opened.server, card, clock());
      const refused = await other.browser.get(path);
      expect([refused.status, refused.body.code]).toEqual([404, 'records.file.not_found']);
      const notMine = await other.browser.get(cabinetRecordRequestPaths.one.replace(':id', asked.request.id));
      expect([notMine.status, notMine.body.code]).toEqual([404, 'records.request.not_found']);
    }

    const downloads = (await auditEvents(db(), 'record_requests.downloaded')).length;
    await on(new Date(fulfilledAt + 31 * 86_400_000).toISOString(), patient, async () => {
      const late = await patient.browser.get(path);
      expect([late.status, late.body.code]).toEqual([410, 'records.download.expired']);
      const list = cabinetRecordRequestListSchema.parse(
        (await patient.browser.get(cabinetRecordRequestPaths.list)).body,
      );
      expect(list.items.find((item) => item.id === asked.request.id)).toMatchObject({ expired: true });
    });
    expect((await auditEvents(db(), 'record_requests.downloaded')).length).toBe(downloads);
  });

  it('shows no file before the request is done', async () => {
    patient = await signedInPatient(db(), opened.server, patientId, clock());
    const asked = await askedRequest(db(), patient.browser, patient.accountId);
    const one = cabinetRecordRequestDetailSchema.parse(
      (await patient.browser.get(cabinetRecordRequestPaths.one.replace(':id', asked.request.id))).body,
    );
    expect(one.files).toEqual([]);
  });
});

describe('an overdue request is escalated once (F3)', () => {
  it('marks it escalated past its last day, journals it and tells the patient — and never again', async () => {
    patient = await signedInPatient(db(), opened.server, patientId, clock());
    const asked = await on('2026-12-30T10:00:00.000Z', patient, () =>
      askedRequest(db(), patient.browser, patient.accountId),
    );
    expect(asked.request.dueOn).toBe('2027-01-14');
    // 23:00 in Moscow on the last day: still in time.
    await sweepOverdueRequests({ db: db() }, new Date('2027-01-14T20:00:00.000Z'));
    expect((await requestData(db(), asked.request.id)).data.escalated_at).toBeNull();

    const late = new Date('2027-01-14T21:30:00.000Z');
    expect(await sweepOverdueRequests({ db: db() }, late)).toBeGreaterThanOrEqual(1);
    const marked = await requestData(db(), asked.request.id);
    expect(marked.data.escalated_at).toBe(late.toISOString());
    const change = await db()('change_log')
      .where({ table_name: 'record_requests', row_id: asked.request.id, version: marked.version })
      .first<{ device_id: string | null } | undefined>('device_id');
    expect(change).toEqual({ device_id: null });
    expect(
      (await auditEvents(db(), 'record_requests.escalated')).filter((e) => e.details.requestId === asked.request.id),
    ).toEqual([expect.objectContaining({ actor_id: 'server', actor_role: 'server', patient_id: patientId })]);

    await sweepOverdueRequests({ db: db() }, new Date('2027-01-20T09:00:00.000Z'));
    expect((await requestData(db(), asked.request.id)).version).toBe(marked.version);
    const delayed = (await outbox(db(), { accountId: patient.accountId })).filter(
      (message) => message.template === 'record_request_delayed' && message.params.number === asked.request.number,
    );
    expect(delayed.map((message) => message.params)).toEqual([{ number: asked.request.number, dueOn: '2027-01-14' }]);

    const list = await on('2027-01-15T09:00:00.000Z', patient, async () =>
      cabinetRecordRequestListSchema.parse((await patient.browser.get(cabinetRecordRequestPaths.list)).body),
    );
    expect(list.items.find((item) => item.id === asked.request.id)).toMatchObject({ overdue: true, status: 'open' });
  });
});
