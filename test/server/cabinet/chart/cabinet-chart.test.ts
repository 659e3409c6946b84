import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createHash } from 'node:crypto';
import {
  cabinetChartPaths,
  cabinetEntryDetailSchema,
  cabinetHistoryPageSchema,
  cabinetLabSchema,
} from '../../../../shared/cabinet/chart-api';
import { chartReportSchema } from '../../../../shared/chart/chart-views';
import { cabinetApiPrefix, cabinetPaths, uploadedScanSchema } from '../../../../shared/cabinet/cabinet-api';
import { calendarXml } from '../../../shared/domain/calendar-fixtures';
import { pngPage, pdfOfPages } from '../../../electron/services/scans/generated-scans';
import { enrolledPatient, outcomes, pushAs } from '../../portal/portal-setup';
import { enrolTestDevice, mutation, testStaff, useTestServer, type TestDevice } from '../../support/test-server';
import { cabinetOptions, type CabinetBrowser } from '../accounts/cabinet-browser';
import { upload } from '../uploads/cabinet-uploader';
import { chartRow, doctorOnServer, sha256, signedInPatient } from './chart-setup';

// The server's clock: the real one, but for the reports, submitted on Monday 28.12.2026 at 12:00 in
// Moscow so that their ten working days run across the New Year holidays.
const reportDay = new Date('2026-12-28T09:00:00Z');
let fixed: Date | undefined;
const clock = () => fixed ?? new Date();
const opened = useTestServer(() => ({ now: clock, cabinet: cabinetOptions() }));
const db = () => opened.db;

let desk: TestDevice;
let patientId: string;
let otherPatientId: string;
let doctorId: string;
let patient: Awaited<ReturnType<typeof signedInPatient>>;
let browser: CabinetBrowser;
const ids = {} as Record<'encounter' | 'diagnosis' | 'prescription' | 'removed' | 'lab' | 'foreign', string>;

/** The clinic publishes 2027's calendar as a desk does (the file a blob, then the release): 1–8 January off. */
async function publishCalendar2027(): Promise<void> {
  const days = Array.from({ length: 8 }, (_, at) => `<day d="01.0${at + 1}" t="1" h="1"/>`);
  const bytes = Buffer.from(calendarXml(2027, days), 'utf8');
  const hash = createHash('sha256').update(bytes).digest('hex');
  expect((await desk.send('PUT', `/v1/blobs/${hash}?offset=0&complete=1`, { raw: bytes })).status).toBe(200);
  const release = {
    kind: 'calendar-ru',
    name: 'calendar-ru/2027',
    dictionary_version: '2027',
    source_name: '2027.xml',
    source_sha256: hash,
    source_bytes: bytes.length,
    row_count: 0,
    refused_count: 0,
    created_at: new Date().toISOString(),
    created_by: testStaff.admin,
  };
  const results = await pushAs(
    desk,
    mutation({ table: 'dictionary_releases', actorId: testStaff.admin, changed: release }),
  );
  expect(outcomes(results)).toEqual(['applied']);
}

beforeAll(async () => {
  desk = await enrolTestDevice(db(), opened.server);
  patientId = await enrolledPatient(desk);
  otherPatientId = await enrolledPatient(desk);
  doctorId = await doctorOnServer(desk, 'Петров Пётр Петрович');
  await publishCalendar2027();
  patient = await signedInPatient(db(), opened.server, patientId, clock());
  browser = patient.browser;

  const mine = { patient_id: patientId, doctor_id: doctorId };
  ids.encounter = await chartRow(db(), 'chart_entries', {
    ...mine,
    kind: 'encounter',
    occurred_at: '2026-11-20T07:30:00.000Z',
    visit_type: 'first',
    code: 'J06.9',
    summary: 'Терапевтическое отделение: Острая респираторная инфекция, лёгкое течение',
    body: JSON.stringify({ department: 'Терапевтическое отделение', conclusion: 'ОРВИ' }),
    revision: 2,
    amended_at: '2026-11-21T08:00:00.000Z',
    amended_by: doctorId,
    amend_reason: 'Уточнено заключение',
  });
  await chartRow(db(), 'chart_revisions', {
    entry_id: ids.encounter,
    patient_id: patientId,
    revision: 1,
    occurred_at: '2026-11-20T07:30:00.000Z',
    code: null,
    summary: 'Терапевтическое отделение: Простуда',
    status: null,
    body: JSON.stringify({ department: 'Терапевтическое отделение', conclusion: 'Простуда' }),
    replaced_at: '2026-11-21T08:00:00.000Z',
    replaced_by: doctorId,
    reason: 'Уточнено заключение',
    report_id: null,
  });
  ids.diagnosis = await chartRow(db(), 'chart_entries', {
    ...mine,
    kind: 'diagnosis',
    encounter_id: ids.encounter,
    occurred_at: '2026-11-20T07:30:00.000Z',
    visit_type: 'first',
    code: 'J06.9',
    summary: 'J06.9 Острая инфекция верхних дыхательных путей неуточнённая',
    status: 'active',
  });
  ids.prescription = await chartRow(db(), 'chart_entries', {
    ...mine,
    kind: 'prescription',
    occurred_at: '2025-03-10T00:00:00.000Z',
    code: '21.20.10.112',
    summary: 'Парацетамол 500 мг × 3/сут',
    status: 'active',
  });
  ids.removed = await chartRow(db(), 'chart_entries', {
    ...mine,
    kind: 'allergy',
    occurred_at: '2024-05-01T00:00:00.000Z',
    summary: 'Аллергия: Ампициллин — крапивница',
    revision: 2,
    deleted_at: '2026-11-22T08:00:00.000Z',
    deleted_by: doctorId,
    deleted_reason: 'Записано не тому пациенту',
  });
  ids.lab = await chartRow(db(), 'chart_entries', {
    ...mine,
    kind: 'lab_result',
    occurred_at: '2026-10-02T00:00:00.000Z',
    visit_type: 'repeat',
    summary: 'Гемоглобин: 128 г/л',
    status: 'normal',
  });
  ids.foreign = await chartRow(db(), 'chart_entries', {
    patient_id: otherPatientId,
    doctor_id: doctorId,
    kind: 'diagnosis',
    occurred_at: '2026-12-01T00:00:00.000Z',
    code: 'I10',
    summary: 'I10 Эссенциальная гипертензия',
  });
}, 120_000);

const history = async (query = '') => {
  const reply = await browser.get(`${cabinetChartPaths.history}${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return cabinetHistoryPageSchema.parse(reply.body);
};
const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

describe('«Мои карты»: the patient reads their own history (issue 12, item 7)', () => {
  it('lists only their own entries, newest first; a removed entry shows as removed, without its content', async () => {
    const page = await history();
    // Same visit, same instant: the encounter and its diagnosis in the order they were written (by id).
    expect(idsOf(page)).toEqual([ids.encounter, ids.diagnosis, ids.lab, ids.prescription, ids.removed]);
    expect(idsOf(page)).not.toContain(ids.foreign);
    const removed = page.items.find((item) => item.id === ids.removed)!;
    expect(removed).toMatchObject({ deleted: true, summary: '', code: null, kind: 'allergy' });
    expect(page.items[0]).toMatchObject({ doctor: { id: doctorId, name: 'Петров Пётр Петрович' }, amended: true });
  });

  it('filters as the desk does: kinds, type of visit, dates, diagnosis, words in any order with ё = е', async () => {
    expect(idsOf(await history('?kinds=prescription,lab_result'))).toEqual([ids.lab, ids.prescription]);
    expect(idsOf(await history('?visitTypes=repeat'))).toEqual([ids.lab]);
    expect(idsOf(await history('?from=2025-01-01&to=2026-10-31'))).toEqual([ids.lab, ids.prescription]);
    expect(idsOf(await history('?diagnosis=J06'))).toEqual([ids.encounter, ids.diagnosis]);
    expect(idsOf(await history(`?text=${encodeURIComponent('инфекция острая')}`))).toEqual([
      ids.encounter,
      ids.diagnosis,
    ]);
    expect(idsOf(await history(`?text=${encodeURIComponent('неуточненная')}`))).toEqual([ids.diagnosis]);
    // A removed entry's words are no longer the patient's to find.
    expect(idsOf(await history(`?text=${encodeURIComponent('ампициллин')}`))).toEqual([]);
    const bad = await browser.get(`${cabinetChartPaths.history}?from=2026-13-40`);
    expect(bad).toMatchObject({ status: 400, body: { field: 'from' } });
  });

  it('pages with a keyset cursor: every entry once, in order', async () => {
    const all = idsOf(await history());
    const first = await history('?limit=2');
    expect(idsOf(first)).toEqual(all.slice(0, 2));
    const next = first.next!;
    const second = await history(`?limit=2&afterAt=${encodeURIComponent(next.occurredAt)}&afterId=${next.id}`);
    expect(idsOf(second)).toEqual(all.slice(2, 4));
  });

  it('opens an entry with its previous version, its encounter’s entries; another patient’s entry is not found', async () => {
    const reply = await browser.get(cabinetChartPaths.entry.replace(':id', ids.encounter));
    expect(reply.status).toBe(200);
    const detail = cabinetEntryDetailSchema.parse(reply.body);
    expect(detail.entry).toMatchObject({
      revision: 2,
      amendReason: 'Уточнено заключение',
      body: { conclusion: 'ОРВИ' },
    });
    expect(detail.revisions).toEqual([
      expect.objectContaining({
        revision: 1,
        summary: 'Терапевтическое отделение: Простуда',
        reason: 'Уточнено заключение',
      }),
    ]);
    expect(detail.children.map((child) => child.id)).toEqual([ids.diagnosis]);

    const removed = cabinetEntryDetailSchema.parse(
      (await browser.get(cabinetChartPaths.entry.replace(':id', ids.removed))).body,
    );
    expect(removed.entry).toMatchObject({ deleted: true, body: {}, deletedReason: 'Записано не тому пациенту' });

    const foreign = await browser.get(cabinetChartPaths.entry.replace(':id', ids.foreign));
    expect(foreign).toMatchObject({ status: 404, body: { code: 'chart.entry.not_found' } });
  });

  it('audits each read on the server, the account as the reader, under the patient', async () => {
    const before = await db()('audit_events')
      .where({ patient_id: patientId, actor_id: patient.accountId })
      .count<{ n: unknown }[]>('* as n');
    await history();
    await browser.get(cabinetChartPaths.entry.replace(':id', ids.lab));
    const events = await db()('audit_events')
      .where({ patient_id: patientId, actor_id: patient.accountId })
      .orderBy('position')
      .select<{ action: string; actor_role: string; details: string }[]>('action', 'actor_role', 'details');
    expect(events.length).toBe(Number(before[0]?.n) + 2);
    expect(events.slice(-2).map((event) => event.action)).toEqual(['chart.history', 'chart.entry']);
    expect(events.at(-1)).toMatchObject({ actor_role: 'patient' });
    expect(JSON.parse(events.at(-1)!.details)).toEqual({ entryId: ids.lab });
  });

  it('is for a patient who finished activation only', async () => {
    const { openCabinetSession } = await import('../../../../server/cabinet/session/cabinet-session');
    const applicant = await openCabinetSession(
      db(),
      {
        accountId: patient.accountId,
        clinicId: (await db()('clinics').first<{ id: string }>('id')).id,
        stage: 'applicant',
      },
      clock(),
    );
    const response = await fetch(`${opened.server.origin}${cabinetApiPrefix}${cabinetChartPaths.history}`, {
      headers: { cookie: `medcard_cabinet=${applicant.cookieValue}` },
    });
    expect(response.status).toBe(403);
  });
});

describe('reports of an inaccuracy (D4)', () => {
  let browser: CabinetBrowser;
  beforeAll(async () => {
    fixed = reportDay;
    browser = (await signedInPatient(db(), opened.server, patientId, reportDay)).browser;
  });
  afterAll(() => {
    fixed = undefined;
  });

  it('is due ten working days on by the clinic’s calendar, across the New Year holidays; one open report per entry', async () => {
    const body = { entryId: ids.prescription, kind: 'wrong_fact', text: 'Я не принимала парацетамол в 2025 году' };
    const reply = await browser.post(cabinetChartPaths.reports, body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    // 28.12 (Mon) + 10 working days, 1–8 January off: 29, 30, 31 December, then 11–15 and 18, 19 January.
    expect(chartReportSchema.parse(reply.body)).toMatchObject({ status: 'open', dueOn: '2027-01-19', overdue: false });

    const again = await browser.post(cabinetChartPaths.reports, body);
    expect(again).toMatchObject({ status: 409, body: { code: 'chart.report.open_exists', field: 'entryId' } });
    const foreign = await browser.post(cabinetChartPaths.reports, { ...body, entryId: ids.foreign });
    expect(foreign).toMatchObject({ status: 404, body: { code: 'chart.entry.not_found' } });
    const short = await browser.post(cabinetChartPaths.reports, { ...body, text: 'нет' });
    expect(short).toMatchObject({ status: 400, body: { field: 'text' } });
    const reports = await db()('records').where({ table_name: 'chart_reports' }).count<{ n: unknown }[]>('* as n');
    expect(Number(reports[0]?.n), 'the refusals wrote nothing').toBe(1);
  });

  it('takes a statement of disagreement only on a declined report, once; the list shows the outcome', async () => {
    const submitted = await browser.post(cabinetChartPaths.reports, {
      entryId: ids.lab,
      kind: 'wrong_date',
      text: 'Анализ сдавала третьего октября, а не второго',
    });
    const report = chartReportSchema.parse(submitted.body);
    const disagree = (text: string) => browser.post(cabinetChartPaths.disagreement.replace(':id', report.id), { text });
    expect(await disagree('Я не согласна с этим решением')).toMatchObject({
      status: 409,
      body: { code: 'chart.report.not_declined' },
    });
    // The reviewer declines it at a desk (the row as the desk's decision leaves it).
    const row = await db()('records')
      .where({ table_name: 'chart_reports', id: report.id })
      .first<{ data: Record<string, unknown> }>('data');
    await chartRow(
      db(),
      'chart_reports',
      {
        ...(row.data as Record<string, string>),
        status: 'declined',
        decided_at: reportDay.toISOString(),
        decided_by: doctorId,
        decline_reason: 'Дата взятия подтверждена лабораторией',
      },
      report.id,
    );
    const first = await disagree('Я не согласна: у меня есть квитанция от третьего октября');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(chartReportSchema.parse(first.body)).toMatchObject({
      status: 'declined',
      disagreement: 'Я не согласна: у меня есть квитанция от третьего октября',
      decidedBy: { id: doctorId, name: 'Петров Пётр Петрович' },
    });
    expect(await disagree('Ещё одно заявление о несогласии')).toMatchObject({
      status: 409,
      body: { code: 'chart.report.disagreement_exists' },
    });
    const list = await browser.get<{ items: unknown[] }>(cabinetChartPaths.reports);
    const items = list.body.items.map((item) => chartReportSchema.parse(item));
    expect(items.find((item) => item.id === report.id)).toMatchObject({
      declineReason: 'Дата взятия подтверждена лабораторией',
    });
    const detail = cabinetEntryDetailSchema.parse(
      (await browser.get(cabinetChartPaths.entry.replace(':id', ids.lab))).body,
    );
    expect(detail.reports.map((item) => item.disagreement)).toEqual([
      'Я не согласна: у меня есть квитанция от третьего октября',
    ]);
  });
});

describe('«Анализы»: the patient uploads a lab result and sends it to a doctor (item 7)', () => {
  it('puts a real PNG in the chart, lists it, sends it to the doctor and gives the same bytes back', async () => {
    const file = await pngPage();
    const uploaded = await upload(opened.server, patient.uploader, file, 'image/png', '?purpose=chart_document');
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const scan = uploadedScanSchema.parse(uploaded.body);

    const future = await browser.post(cabinetChartPaths.labs, {
      scanId: scan.scanId,
      date: '2027-02-01',
      title: 'ОАК',
    });
    expect(future).toMatchObject({ status: 400, body: { code: 'chart.date.future', field: 'date' } });
    const added = await browser.post(cabinetChartPaths.labs, {
      scanId: scan.scanId,
      date: '2026-11-20',
      title: 'Общий анализ крови',
      comment: 'Сдавала в частной лаборатории',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const lab = cabinetLabSchema.parse(added.body);
    expect(lab).toMatchObject({ type: 'lab_report', mime: 'image/png', bytes: file.length, sentTo: null });
    const twice = await browser.post(cabinetChartPaths.labs, { scanId: scan.scanId, date: '2026-11-20', title: 'ОАК' });
    expect(twice).toMatchObject({ status: 409, body: { code: 'chart.upload.scan_used' } });

    const entry = await db()('records')
      .where({ table_name: 'chart_entries', id: lab.id })
      .first<{ data: Record<string, unknown> }>('data');
    expect(entry.data).toMatchObject({
      kind: 'document',
      source: 'patient',
      status: 'uploaded',
      doctor_id: null,
      occurred_at: '2026-11-20T00:00:00.000Z',
      summary: 'Общий анализ крови',
      device_id: null,
    });
    const scanRow = await db()('records')
      .where({ table_name: 'document_scans', id: scan.scanId })
      .first<{ data: Record<string, unknown> }>('data');
    expect(scanRow.data.attached_to).toBe(lab.id);

    const doctors = await browser.get<{ items: { id: string }[] }>(cabinetChartPaths.doctors);
    expect(doctors.body.items.map((doctor) => doctor.id)).toContain(doctorId);
    const stranger = await browser.post(cabinetChartPaths.labSend.replace(':id', lab.id), { doctorId: uuidv7() });
    expect(stranger).toMatchObject({ status: 422, body: { code: 'chart.upload.doctor_unknown' } });
    const sent = await browser.post(cabinetChartPaths.labSend.replace(':id', lab.id), { doctorId });
    expect(cabinetLabSchema.parse(sent.body).sentTo).toEqual({ id: doctorId, name: 'Петров Пётр Петрович' });
    const listed = await browser.get<{ items: unknown[] }>(cabinetChartPaths.labs);
    expect(listed.body.items.map((item) => cabinetLabSchema.parse(item).id)).toEqual([lab.id]);
    // The doctor finds it in the chart: their name on the patient's upload.
    expect(idsOf(await history('?kinds=document'))).toEqual([lab.id]);

    const download = await fetch(
      `${opened.server.origin}${cabinetApiPrefix}${cabinetChartPaths.file.replace(':scanId', scan.scanId)}`,
      { headers: { cookie: patient.uploader.headers.cookie! } },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(file));
  });

  it('refuses a file that is not what it says with the scan check’s code; another card’s file is not found', async () => {
    const png = await pngPage({ seed: 3 });
    const claimed = await upload(opened.server, patient.uploader, png, 'application/pdf', '?purpose=chart_document');
    expect(claimed).toMatchObject({ status: 415, body: { code: 'cabinet.scan.type_mismatch' } });
    const junk = Buffer.from('%PDF-1.7\nэто не PDF, а текст с заголовком PDF\n', 'utf8');
    const broken = await upload(opened.server, patient.uploader, junk, 'application/pdf', '?purpose=chart_document');
    expect(broken.status).toBe(422);
    expect(String(broken.body.code)).toMatch(/^scan\./);

    const other = await signedInPatient(db(), opened.server, otherPatientId, clock());
    const pdf = await pdfOfPages([{}]);
    const theirs = uploadedScanSchema.parse(
      (await upload(opened.server, other.uploader, pdf, 'application/pdf', '?purpose=chart_document')).body,
    );
    const peek = await fetch(
      `${opened.server.origin}${cabinetApiPrefix}${cabinetChartPaths.file.replace(':scanId', theirs.scanId)}`,
      {
        headers: { cookie: patient.uploader.headers.cookie! },
      },
    );
    expect(peek.status).toBe(404);
    const take = await browser.post(cabinetChartPaths.labs, {
      scanId: theirs.scanId,
      date: '2026-11-20',
      title: 'Чужой',
    });
    expect(take).toMatchObject({ status: 404, body: { code: 'scan.not_found' } });
    expect(cabinetPaths.scans).toBe('/scans');
  });
});
