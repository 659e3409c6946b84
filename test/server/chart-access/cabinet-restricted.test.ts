import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cabinetChartPaths,
  cabinetEntryDetailSchema,
  cabinetHistoryPageSchema,
} from '../../../shared/cabinet/chart-api';
import type { Mutation } from '../../../shared/sync/protocol';
import { cabinetOptions } from '../cabinet/accounts/cabinet-browser';
import { chartRow, doctorOnServer, signedInPatient } from '../cabinet/chart/chart-setup';
import { enrolledPatient, outcomes, pushAs } from '../portal/portal-setup';
import { enrolTestDevice, mutation, useTestServer, type TestDevice } from '../support/test-server';

const opened = useTestServer(() => ({ cabinet: cabinetOptions() }));
let desk: TestDevice;
let doctorId: string;
const at = '2026-11-25T09:00:00.000Z';

beforeAll(async () => {
  desk = await enrolTestDevice(opened.db, opened.server);
  doctorId = await doctorOnServer(desk, 'Лечащая Ольга Петровна');
}, 120_000);

/** A restriction as the doctor's desk pushes it; its id. */
async function restrict(patientId: string, entryId: string | null, changed: Mutation['changed'] = {}): Promise<string> {
  const id = uuidv7();
  const row = mutation({
    table: 'record_restrictions',
    rowId: id,
    actorId: doctorId,
    changed: {
      patient_id: patientId,
      entry_id: entryId,
      reason: 'harm',
      basis: 'Протокол врачебной комиссии № 14',
      note: null,
      decided_at: at,
      decided_by: doctorId,
      lifted_at: null,
      lifted_by: null,
      lift_reason: null,
      created_at: at,
      created_by: doctorId,
      updated_at: at,
      updated_by: doctorId,
      device_id: desk.id,
      ...changed,
    },
  });
  expect(outcomes(await pushAs(desk, row))).toEqual(['applied']);
  return id;
}

async function patientWithChart() {
  const patientId = await enrolledPatient(desk);
  const mine = { patient_id: patientId, doctor_id: doctorId };
  const encounter = await chartRow(opened.db, 'chart_entries', {
    ...mine,
    kind: 'encounter',
    occurred_at: '2026-11-20T07:30:00.000Z',
    summary: 'Терапевтическое отделение: осмотр',
  });
  const diagnosis = await chartRow(opened.db, 'chart_entries', {
    ...mine,
    kind: 'diagnosis',
    encounter_id: encounter,
    occurred_at: '2026-11-20T07:30:00.000Z',
    code: 'C34.1',
    summary: 'C34.1 Злокачественное новообразование верхней доли бронха',
    status: 'active',
  });
  const { browser } = await signedInPatient(opened.db, opened.server, patientId, new Date());
  return { patientId, encounter, diagnosis, browser };
}

describe('the cabinet never shows a restricted entry (F4)', () => {
  it('a restricted entry is absent from the history and its search, and not found by its id', async () => {
    const { patientId, encounter, diagnosis, browser } = await patientWithChart();
    await restrict(patientId, diagnosis);
    const page = cabinetHistoryPageSchema.parse((await browser.get(cabinetChartPaths.history)).body);
    expect(page.items.map((item) => item.id)).toEqual([encounter]);
    expect(page.withheld ?? null).toBeNull();
    const search = cabinetHistoryPageSchema.parse((await browser.get(`${cabinetChartPaths.history}?text=C34`)).body);
    expect(search.items).toEqual([]);
    const direct = await browser.get(cabinetChartPaths.entry.replace(':id', diagnosis));
    expect(direct.status).toBe(404);
    expect(direct.body).toMatchObject({ code: 'chart.entry.not_found' });
    const parent = cabinetEntryDetailSchema.parse(
      (await browser.get(cabinetChartPaths.entry.replace(':id', encounter))).body,
    );
    expect(parent.children).toEqual([]);
  });

  it('a whole restricted chart shows nothing, with the notice of why', async () => {
    const { patientId, encounter, browser } = await patientWithChart();
    await restrict(patientId, null, { reason: 'court_order', basis: 'Решение суда № 2-123/2026 от 01.12.2026' });
    const page = cabinetHistoryPageSchema.parse((await browser.get(cabinetChartPaths.history)).body);
    expect(page.items).toEqual([]);
    expect(page.withheld).toEqual({ reason: 'court_order', basis: 'Решение суда № 2-123/2026 от 01.12.2026' });
    expect((await browser.get(cabinetChartPaths.entry.replace(':id', encounter))).status).toBe(404);
  });

  it('the whole chart’s restriction lifted, the chart shows again — but not an entry still restricted', async () => {
    const { patientId, diagnosis, browser } = await patientWithChart();
    await restrict(patientId, diagnosis);
    const id = await restrict(patientId, null);
    const lift = mutation({
      table: 'record_restrictions',
      rowId: id,
      // A bigint: PostgreSQL's driver answers it as text.
      baseVersion: Number((await opened.db('records').where({ id }).first<{ version: unknown }>('version')).version),
      actorId: doctorId,
      changed: {
        lifted_at: new Date().toISOString(),
        lifted_by: doctorId,
        lift_reason: 'Решение комиссии пересмотрено',
      },
    });
    expect(outcomes(await pushAs(desk, lift))).toEqual(['applied']);
    const page = cabinetHistoryPageSchema.parse((await browser.get(cabinetChartPaths.history)).body);
    expect(page.withheld ?? null).toBeNull();
    expect(page.items.map((item) => item.id)).not.toContain(diagnosis);
    expect(page.items).toHaveLength(1);
  });
});
