import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { defaultClinicId } from '../../../server/clinics/clinics';
import { toNumber, toRecord } from '../../../server/db/values';
import { withChangeLog } from '../../../server/sync/change-log';
import { writeServerRow } from '../../../server/sync/server-rows';
import type { Mutation } from '../../../shared/sync/protocol';
import { outcomes, pushAs } from '../portal/portal-setup';
import {
  enrolTestDevice,
  mutation,
  staffRow,
  testStaff,
  type TestDevice,
  type TestServer,
} from '../support/test-server';

/** Two desks on the real server with two doctors whose accounts reached it (chart.write). */
export interface ChartDesk {
  db: Knex;
  desk: TestDevice;
  /** A second desk of the clinic (its changes can conflict with the first's). */
  other: TestDevice;
  doctor: string;
  otherDoctor: string;
}

export async function openChartDesk(db: Knex, server: TestServer): Promise<ChartDesk> {
  const desk = await enrolTestDevice(db, server);
  const doctor = uuidv7();
  const otherDoctor = uuidv7();
  const made = await pushAs(
    desk,
    mutation({ table: 'staff', rowId: doctor, actorId: testStaff.admin, changed: staffRow('test.doctor', 'doctor') }),
    mutation({
      table: 'staff',
      rowId: otherDoctor,
      actorId: testStaff.admin,
      changed: staffRow('test.doctor2', 'doctor'),
    }),
  );
  expect(outcomes(made)).toEqual(['applied', 'applied']);
  const other = await enrolTestDevice(db, server, 'Кабинет 2');
  return { db, desk, other, doctor, otherDoctor };
}

export const at = '2026-11-25T09:00:00.000Z';

/** A lab result's body as the desk stores it (the schema's output), with `value` г/л of haemoglobin. */
export const labBody = (value: number) =>
  JSON.stringify({
    test: 'Гемоглобин',
    testCode: null,
    value,
    unit: 'г/л',
    referenceLow: 120,
    referenceHigh: 160,
    flag: value < 120 ? 'low' : 'normal',
    takenOn: '2026-11-20',
    scanId: null,
    comment: '',
  });

/** A new lab result as a doctor's desk pushes it (`changed` overrides its fields). */
export function newEntry(chart: ChartDesk, patientId: string, changed: Mutation['changed'] = {}, id = uuidv7()) {
  return mutation({
    table: 'chart_entries',
    rowId: id,
    actorId: chart.doctor,
    changed: {
      patient_id: patientId,
      kind: 'lab_result',
      occurred_at: '2026-11-20T00:00:00.000Z',
      doctor_id: chart.doctor,
      code: null,
      summary: 'Гемоглобин: 95 г/л',
      status: 'low',
      body: labBody(95),
      revision: 1,
      source: 'desk',
      created_at: at,
      created_by: chart.doctor,
      updated_at: at,
      updated_by: chart.doctor,
      device_id: chart.desk.id,
      ...changed,
    },
  });
}

/** A lab result a doctor recorded at the desk, pushed; its id. */
export async function recordedEntry(chart: ChartDesk, patientId: string): Promise<string> {
  const id = uuidv7();
  expect(outcomes(await pushAs(chart.desk, newEntry(chart, patientId, {}, id)))).toEqual(['applied']);
  return id;
}

export async function rowOf(
  db: Knex,
  table: string,
  id: string,
): Promise<{ version: number; data: Record<string, unknown> }> {
  const row = await db('records').where({ table_name: table, id }).first<{ version: unknown; data: unknown }>();
  return { version: toNumber(row.version), data: toRecord(row.data) };
}

/** A desk's change to a row as its outbox sends it: the fields that changed and the stamps. */
export async function deskChange(
  chart: ChartDesk,
  table: string,
  id: string,
  changed: Mutation['changed'],
  actorId: string = chart.doctor,
): Promise<Mutation> {
  const { version } = await rowOf(chart.db, table, id);
  const now = new Date().toISOString();
  return mutation({
    table,
    rowId: id,
    baseVersion: version,
    actorId,
    at: now,
    changed: { ...changed, updated_at: now, updated_by: actorId, device_id: chart.desk.id },
  });
}

export const amendReason = 'Пациент сообщил о неточности: значение из другой лаборатории';

/** The previous version of the entry (revision 1) as an amendment by `actorId` writes it. */
export function previousVersion(
  chart: ChartDesk,
  entryId: string,
  patientId: string,
  changed: Mutation['changed'] = {},
  actorId: string = chart.doctor,
): Mutation {
  const now = new Date().toISOString();
  return mutation({
    table: 'chart_revisions',
    actorId,
    changed: {
      entry_id: entryId,
      patient_id: patientId,
      revision: 1,
      occurred_at: '2026-11-20T00:00:00.000Z',
      code: null,
      summary: 'Гемоглобин: 95 г/л',
      status: 'low',
      body: labBody(95),
      replaced_at: now,
      replaced_by: actorId,
      reason: amendReason,
      report_id: null,
      created_at: now,
      created_by: actorId,
      updated_at: now,
      updated_by: actorId,
      device_id: chart.desk.id,
      ...changed,
    },
  });
}

/** The entry's amendment to `value` г/л (revision 2), as the desk's outbox sends it. */
export async function amendedEntry(
  chart: ChartDesk,
  entryId: string,
  value: number,
  changed: Mutation['changed'] = {},
  actorId: string = chart.doctor,
): Promise<Mutation> {
  return deskChange(
    chart,
    'chart_entries',
    entryId,
    {
      body: labBody(value),
      summary: `Гемоглобин: ${value} г/л`,
      status: value < 120 ? 'low' : 'normal',
      revision: 2,
      amended_at: new Date().toISOString(),
      amended_by: actorId,
      amend_reason: amendReason,
      ...changed,
    },
    actorId,
  );
}

/** A patient's open report about an entry, as the cabinet writes it (the server's own change); its id. */
export async function openReport(
  db: Knex,
  about: { patientId: string; entryId: string; accountId: string },
): Promise<string> {
  const id = uuidv7();
  const clinicId = await defaultClinicId(db);
  await withChangeLog(db, { now: new Date(), clinicId }, (log) =>
    writeServerRow(
      log,
      'chart_reports',
      id,
      undefined,
      {
        patient_id: about.patientId,
        entry_id: about.entryId,
        account_id: about.accountId,
        kind: 'wrong_fact',
        text: 'Гемоглобин был 125, а не 95: анализ из другой лаборатории',
        submitted_at: '2026-11-24T10:00:00.000Z',
        due_on: '2026-12-08',
        status: 'open',
        decided_at: null,
        decided_by: null,
        decline_reason: null,
        amendment_revision: null,
        disagreement: null,
        disagreement_at: null,
      },
      '2026-11-24T10:00:00.000Z',
    ),
  );
  return id;
}
