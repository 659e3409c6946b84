import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDesk } from '../../../support/temp-desk';
import {
  chartCall as call,
  drafts,
  enrolAnother,
  openChartDesk,
  testIcd10,
  testServices,
  type ChartDesk,
} from '../../../support/chart-fixtures';
import { pulled } from '../applications/application-desk';

let desk: ChartDesk;
beforeEach(async () => {
  desk = await openChartDesk();
});
afterEach(() => desk.cleanup());

const record = (input: Record<string, unknown>) => call(desk, 'chart.record', { patientId: desk.patientId, ...input });
/** What a refusal must leave as it was: the chart's rows, their outbox entries and the audit. */
const written = () => [desk.count('chart_entries'), desk.count('sync_outbox'), desk.count('audit_events')];

/** Refused with `error` (code, field); `params` are the values its message names. */
async function refused(input: Record<string, unknown>, { params, ...error }: Record<string, unknown>) {
  const before = written();
  const result = await record(input);
  expect(result).toMatchObject({ ok: false, error });
  for (const value of Object.values((params ?? {}) as Record<string, unknown>)) {
    expect(result.error!.message.en).toContain(String(value));
  }
  expect(written(), 'nothing half-saved').toEqual(before);
}

async function encounterId(body: Record<string, unknown> = {}): Promise<string> {
  const result = await record({ draft: drafts.encounter(body) });
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return result.data!.entry.id;
}

/** A scan of the patient's as the desk keeps it (a row of document_scans). */
function scanOf(patientId: string): string {
  const [id] = pulled(desk, 'document_scans', 1, [
    {
      id: randomUUID(),
      patient_id: patientId,
      sha256: 'a'.repeat(64),
      mime: 'application/pdf',
      bytes: 1000,
      pages: 1,
      dpi: 300,
      brightness: 0.5,
      sharpness: 100,
      thumbnail_sha256: 'b'.repeat(64),
      created_by: 'server',
      updated_by: 'server',
      device_id: 'server',
    },
  ]);
  return id!;
}

describe('recording chart entries (D1–D3)', () => {
  it('records an encounter with its summary row, and the diagnosis in it takes its date, visit and doctor', async () => {
    const visit = await encounterId();
    const result = await record({ encounterId: visit, draft: drafts.diagnosis({ establishedOn: '2026-11-20' }) });
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    expect(result.data!.entry).toMatchObject({
      kind: 'diagnosis',
      occurredAt: '2026-11-20T07:30:00.000Z',
      visitType: 'first',
      doctor: { id: desk.ctx.actor.staffId, name: desk.ctx.actor.displayName },
      code: 'J06.9',
      summary: 'J06.9 Острая инфекция верхних дыхательных путей неуточненная',
      status: 'active',
      encounterId: visit,
      revision: 1,
      amended: false,
      deleted: false,
      source: 'desk',
    });
    // A main diagnosis gives the encounter its code; the encounter lists it among its entries.
    const opened = await call(desk, 'chart.entry', { id: visit });
    expect(opened.data!.entry).toMatchObject({
      code: 'J06.9',
      summary: 'Терапевтическое отделение: Острая респираторная инфекция, лёгкое течение',
    });
    expect(opened.data!.children).toEqual([expect.objectContaining({ kind: 'diagnosis', code: 'J06.9' })]);
  });

  it('writes one audit event naming the entry, and one outbox entry per row', async () => {
    const audits = desk.count('audit_events');
    const result = await record({ draft: drafts.procedure() });
    const id = result.data!.entry.id;
    expect(result.data!.entry).toMatchObject({
      occurredAt: '2026-11-20T00:00:00.000Z',
      code: testServices.ecg,
      summary: 'A05.10.006 Регистрация электрокардиограммы',
    });
    expect(desk.count('audit_events')).toBe(audits + 1);
    const event = desk.store.read((tx) =>
      tx.get<{ action: string; patient_id: string; details: string }>(
        'SELECT action, patient_id, details FROM audit_events ORDER BY seq DESC LIMIT 1',
      ),
    );
    expect(event).toMatchObject({ action: 'chart.record', patient_id: desk.patientId });
    expect(JSON.parse(event!.details)).toMatchObject({ entry: id, kind: 'procedure' });
    expect(desk.count('sync_outbox', "table_name = 'chart_entries' AND row_id = ?", [id])).toBe(1);
  });

  it('refuses codes not in the active МКБ-10: unknown, a heading, retired — naming the field', async () => {
    const field = 'draft.body.icd10';
    await refused({ draft: drafts.diagnosis({ icd10: 'Z99.99' }) }, { code: 'chart.code.unknown', field });
    await refused({ draft: drafts.diagnosis({ icd10: testIcd10.heading }) }, { code: 'chart.code.not_codable', field });
    await refused({ draft: drafts.diagnosis({ icd10: testIcd10.retired }) }, { code: 'chart.code.retired', field });
    await refused(
      { draft: drafts.procedure({ serviceCode: testServices.retired }) },
      { code: 'chart.code.retired', field: 'draft.body.serviceCode' },
    );
    await refused(
      { draft: drafts.procedure({ serviceCode: 'B99.999' }) },
      { code: 'chart.code.unknown', field: 'draft.body.serviceCode' },
    );
  });

  it('refuses an active diagnosis the patient already has', async () => {
    expect((await record({ draft: drafts.diagnosis({ icd10: 'I10' }) })).ok).toBe(true);
    await refused(
      { draft: drafts.diagnosis({ icd10: 'I10', role: 'accompanying' }) },
      { code: 'chart.diagnosis.duplicate', params: { code: 'I10' } },
    );
    // A resolved one of the same code is history, not a duplicate.
    expect(
      (await record({ draft: drafts.diagnosis({ icd10: 'I10', status: 'resolved', resolvedOn: '2026-11-21' }) })).ok,
    ).toBe(true);
  });

  it('refuses future dates by the desk’s day, dates before birth, and an end before its start', async () => {
    await refused(
      { draft: drafts.encounter({ at: '2026-11-25T09:00:01.000Z' }) },
      { code: 'chart.date.future', field: 'draft.body.at' },
    );
    await refused(
      { draft: drafts.diagnosis({ establishedOn: '2026-11-26' }) },
      { code: 'chart.date.future', field: 'draft.body.establishedOn', params: { date: '2026-11-26' } },
    );
    await refused(
      { draft: drafts.procedure({ performedOn: '1979-12-31' }) },
      { code: 'chart.date.before_birth', field: 'draft.body.performedOn' },
    );
    await refused(
      { draft: drafts.diagnosis({ establishedOn: '2026-11-20', resolvedOn: '2026-11-19', status: 'resolved' }) },
      { code: 'chart.date.order', field: 'draft.body.resolvedOn', params: { start: '2026-11-20', end: '2026-11-19' } },
    );
    // Today in Moscow is still today: an encounter an hour ago is fine.
    expect((await record({ draft: drafts.encounter({ at: '2026-11-25T08:00:00.000Z' }) })).ok).toBe(true);
  });

  it('refuses empty, huge and malformed input at the boundary, before any service runs', async () => {
    await refused({ draft: drafts.encounter({ department: '   ' }) }, { code: expect.stringMatching(/^input\./) });
    await refused(
      { draft: drafts.encounter({ examination: 'а'.repeat(20_001) }) },
      { code: expect.stringMatching(/^input\./) },
    );
    await refused({ draft: drafts.diagnosis({ icd10: '' }) }, { code: expect.stringMatching(/^input\./) });
    await refused({ draft: drafts.allergy({ atcClass: 'penicillin' }) }, { code: expect.stringMatching(/^input\./) });
    await refused({ draft: { kind: 'surgery', body: {} } }, { code: expect.stringMatching(/^input\./) });
    await refused({ draft: drafts.lab({ value: Number.NaN }) }, { code: expect.stringMatching(/^input\./) });
  });

  it('refuses a patient that does not exist or was merged into another', async () => {
    await refused(
      { patientId: randomUUID(), draft: drafts.procedure() },
      { code: 'patient.not_found', field: 'patientId' },
    );
    const merged = desk.store.read((tx) => tx.get<{ id: string }>('SELECT id FROM patients'))!.id;
    pulled(desk, 'patients', 2, [{ id: merged, merged_into: randomUUID() }]);
    await refused({ draft: drafts.procedure() }, { code: 'patient.not_found' });
  });

  it('an entry in an encounter needs that encounter: this patient’s, not removed, an encounter', async () => {
    await refused(
      { encounterId: randomUUID(), draft: drafts.diagnosis() },
      { code: 'chart.encounter.not_found', field: 'encounterId' },
    );
    const procedure = await record({ draft: drafts.procedure() });
    await refused(
      { encounterId: procedure.data!.entry.id, draft: drafts.diagnosis() },
      { code: 'chart.encounter.not_found' },
    );
    const visit = await encounterId();
    await refused({ encounterId: visit, draft: drafts.encounter() }, { code: 'chart.encounter.not_found' });
  });

  it('flags a numeric lab result by its range, needs a flag for a text one, and refuses a range upside down', async () => {
    const low = await record({ draft: drafts.lab({ value: 101 }) });
    expect(low.data!.entry).toMatchObject({ status: 'low', summary: 'Гемоглобин: 101 г/л', body: { flag: 'low' } });
    // A flag sent with a number is the range's to decide, not the sender's.
    const high = await record({ draft: drafts.lab({ value: 150, flag: 'normal' }) });
    expect(high.data!.entry).toMatchObject({ status: 'high' });
    await refused(
      { draft: drafts.lab({ value: 'отрицательно', referenceLow: null, referenceHigh: null }) },
      { code: 'chart.lab.flag_required', field: 'draft.body.flag' },
    );
    await refused(
      { draft: drafts.lab({ referenceLow: 140, referenceHigh: 120 }) },
      { code: 'chart.lab.range_order', field: 'draft.body.referenceLow', params: { low: 140, high: 120 } },
    );
    const text = await record({ draft: drafts.lab({ value: 'отрицательно', flag: 'normal', unit: '' }) });
    expect(text.data!.entry).toMatchObject({ status: 'normal', summary: 'Гемоглобин: отрицательно' });
  });

  it('a document or a lab report’s scan must be a scan of this patient', async () => {
    const other = enrolAnother(desk);
    await refused(
      { draft: drafts.document({ scanId: randomUUID() }) },
      { code: 'scan.not_found', field: 'draft.body.scanId' },
    );
    await refused({ draft: drafts.document({ scanId: scanOf(other) }) }, { code: 'scan.not_found' });
    await refused({ draft: drafts.lab({ scanId: scanOf(other) }) }, { code: 'scan.not_found' });
    const scanId = scanOf(desk.patientId);
    const result = await record({ draft: drafts.document({ scanId }) });
    expect(result.data!.entry).toMatchObject({
      kind: 'document',
      summary: 'Выписка из стационара',
      status: null,
      code: null,
    });
  });

  it('records an allergy with its status and summary', async () => {
    const result = await record({ draft: drafts.allergy() });
    expect(result.data!.entry).toMatchObject({
      kind: 'allergy',
      summary: 'Аллергия: Ампициллин — крапивница',
      status: 'active',
      occurredAt: '2019-05-01T00:00:00.000Z',
    });
    await refused(
      { draft: drafts.allergy({ medicineCode: 'NO-SUCH-DRUG' }) },
      { code: 'chart.medicine.unknown', field: 'draft.body.medicineCode' },
    );
  });
});

describe('dictionaries not imported', () => {
  it('refuses a coded entry with dictionary.not_found when its dictionary was never imported', async () => {
    const bare = await openChartDesk({ dictionaries: { medicines: false, services: false, formulary: false } });
    try {
      const result = await call(bare, 'chart.record', { patientId: bare.patientId, draft: drafts.procedure() });
      expect(result).toMatchObject({ ok: false, error: { code: 'dictionary.not_found' } });
      const rx = await call(bare, 'chart.record', { patientId: bare.patientId, draft: drafts.prescription() });
      expect(rx).toMatchObject({ ok: false, error: { code: 'dictionary.not_found' } });
      expect(bare.count('chart_entries')).toBe(0);
    } finally {
      await bare.cleanup();
    }
  });
});

describe('clinical sections are a doctor’s (A1)', () => {
  it('a clerk is refused chart.record and chart.history with forbidden, and nothing is written', async () => {
    const clerk = await openTempDesk({ role: 'clerk' });
    try {
      const before = [clerk.count('chart_entries'), clerk.count('audit_events')];
      const patientId = randomUUID();
      expect(await call(clerk, 'chart.record', { patientId, draft: drafts.procedure() })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await call(clerk, 'chart.history', { patientId })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect([clerk.count('chart_entries'), clerk.count('audit_events')]).toEqual(before);
    } finally {
      await clerk.cleanup();
    }
  });
});
