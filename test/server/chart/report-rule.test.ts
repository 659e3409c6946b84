import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultClinicId } from '../../../server/clinics/clinics';
import { toNumber, toRecord } from '../../../server/db/values';
import { withChangeLog } from '../../../server/sync/change-log';
import { writeServerRow } from '../../../server/sync/server-rows';
import type { Mutation } from '../../../shared/sync/protocol';
import { outbox } from '../cabinet/applications/application-setup';
import { cabinetOptions, signedInAccount } from '../cabinet/uploads/cabinet-uploader';
import { enrolledPatient, outcomes, pushAs } from '../portal/portal-setup';
import { enrolTestDevice, mutation, staffRow, testStaff, useTestServer, type TestDevice } from '../support/test-server';

const mailDrop = mkdtempSync(join(tmpdir(), 'medcard-chart-reports-'));
const running = useTestServer(() => ({ cabinet: cabinetOptions(mailDrop) }));
let db: Knex;
let desk: TestDevice;
const doctor = uuidv7();
const otherDoctor = uuidv7();

beforeAll(async () => {
  db = running.db;
  desk = await enrolTestDevice(db, running.server);
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
}, 180_000);
afterAll(() => rmSync(mailDrop, { recursive: true, force: true }));

const at = '2026-11-25T09:00:00.000Z';
const body = { test: 'Гемоглобин', testCode: null, value: 95, unit: 'г/л', referenceLow: 120, referenceHigh: 160 };
const fullBody = (value: number) =>
  JSON.stringify({ ...body, value, flag: 'low', takenOn: '2026-11-20', scanId: null, comment: '' });

/** A lab result a doctor recorded at the desk, pushed; its id. */
async function recordedEntry(patientId: string): Promise<string> {
  const id = uuidv7();
  const pushed = await pushAs(
    desk,
    mutation({
      table: 'chart_entries',
      rowId: id,
      actorId: doctor,
      changed: {
        patient_id: patientId,
        kind: 'lab_result',
        occurred_at: '2026-11-20T00:00:00.000Z',
        doctor_id: doctor,
        code: null,
        summary: 'Гемоглобин: 95 г/л',
        status: 'low',
        body: fullBody(95),
        revision: 1,
        source: 'desk',
        created_at: at,
        created_by: doctor,
        updated_at: at,
        updated_by: doctor,
        device_id: desk.id,
      },
    }),
  );
  expect(outcomes(pushed)).toEqual(['applied']);
  return id;
}

/** A patient's report as the cabinet writes it (the server's own change). */
async function openReport(patientId: string, entryId: string, accountId: string): Promise<string> {
  const id = uuidv7();
  const clinicId = await defaultClinicId(db);
  await withChangeLog(db, { now: new Date(), clinicId }, (log) =>
    writeServerRow(
      log,
      'chart_reports',
      id,
      undefined,
      {
        patient_id: patientId,
        entry_id: entryId,
        account_id: accountId,
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

async function rowOf(table: string, id: string): Promise<{ version: number; data: Record<string, unknown> }> {
  const row = await db('records').where({ table_name: table, id }).first<{ version: unknown; data: unknown }>();
  return { version: toNumber(row.version), data: toRecord(row.data) };
}

/** A desk's change to a row as its outbox sends it: the fields that changed and the stamps. */
async function deskChange(
  table: string,
  id: string,
  changed: Mutation['changed'],
  actorId: string = doctor,
): Promise<Mutation> {
  const { version } = await rowOf(table, id);
  const now = new Date().toISOString();
  return mutation({
    table,
    rowId: id,
    baseVersion: version,
    actorId,
    at: now,
    changed: { ...changed, updated_at: now, updated_by: actorId, device_id: desk.id },
  });
}

/** The amendment of the entry as the desk's acceptance writes it: the previous version, then the entry. */
async function amendment(entryId: string, patientId: string, reportId: string): Promise<Mutation[]> {
  const now = new Date().toISOString();
  const previous = mutation({
    table: 'chart_revisions',
    actorId: doctor,
    changed: {
      entry_id: entryId,
      patient_id: patientId,
      revision: 1,
      occurred_at: '2026-11-20T00:00:00.000Z',
      code: null,
      summary: 'Гемоглобин: 95 г/л',
      status: 'low',
      body: fullBody(95),
      replaced_at: now,
      replaced_by: doctor,
      reason: 'Пациент сообщил о неточности: значение из другой лаборатории',
      report_id: reportId,
      created_at: now,
      created_by: doctor,
      updated_at: now,
      updated_by: doctor,
      device_id: desk.id,
    },
  });
  const entry = await deskChange('chart_entries', entryId, {
    body: fullBody(125),
    summary: 'Гемоглобин: 125 г/л',
    status: 'normal',
    revision: 2,
    amended_at: now,
    amended_by: doctor,
    amend_reason: 'Пациент сообщил о неточности: значение из другой лаборатории',
    report_id: reportId,
  });
  return [previous, entry];
}

async function reportCase() {
  const patientId = await enrolledPatient(desk);
  const account = await signedInAccount(db, patientId);
  const entryId = await recordedEntry(patientId);
  const reportId = await openReport(patientId, entryId, account.accountId);
  return { patientId, accountId: account.accountId, entryId, reportId };
}

const accept = (revision = 2) => ({
  status: 'accepted',
  decided_at: new Date().toISOString(),
  decided_by: doctor,
  amendment_revision: revision,
});
const decline = (reason = 'Значение подтверждено бланком лаборатории клиники') => ({
  status: 'declined',
  decided_at: new Date().toISOString(),
  decided_by: doctor,
  decline_reason: reason,
});

describe('a doctor decides a patient’s inaccuracy report (D4, seed §6.3)', () => {
  it('accepts it with the amendment of the entry, and the patient is told by e-mail with a link', async () => {
    const { patientId, accountId, entryId, reportId } = await reportCase();
    const [previous, entry] = await amendment(entryId, patientId, reportId);
    const decided = await deskChange('chart_reports', reportId, accept());
    expect(outcomes(await pushAs(desk, previous!, entry!, decided))).toEqual(['applied', 'applied', 'applied']);

    expect((await rowOf('chart_reports', reportId)).data).toMatchObject({
      status: 'accepted',
      decided_by: doctor,
      amendment_revision: 2,
      text: 'Гемоглобин был 125, а не 95: анализ из другой лаборатории',
    });
    expect((await rowOf('chart_entries', entryId)).data).toMatchObject({ revision: 2, report_id: reportId });
    const messages = await outbox(db, { accountId });
    expect(messages.map((message) => [message.template, message.channel])).toEqual([
      ['chart_report_accepted', 'email'],
    ]);
    expect(messages[0]!.params).toEqual({ submittedOn: '2026-11-24', link: 'http://127.0.0.1/cabinet/cards' });
  });

  it('declines it with a reason; the patient is told, by SMS when they turned e-mail notices off', async () => {
    const { accountId, reportId } = await reportCase();
    await db('cabinet_accounts').where({ id: accountId }).update({ notify_email: false });
    expect(outcomes(await pushAs(desk, await deskChange('chart_reports', reportId, decline())))).toEqual(['applied']);
    expect((await rowOf('chart_reports', reportId)).data).toMatchObject({
      status: 'declined',
      decline_reason: 'Значение подтверждено бланком лаборатории клиники',
    });
    const messages = await outbox(db, { accountId });
    expect(messages.map((message) => [message.template, message.channel])).toEqual([['chart_report_declined', 'sms']]);
  });

  it('refuses a decision made twice, whoever makes it, and tells the patient once', async () => {
    const { accountId, reportId } = await reportCase();
    expect(outcomes(await pushAs(desk, await deskChange('chart_reports', reportId, decline())))).toEqual(['applied']);
    const again = await deskChange('chart_reports', reportId, { ...decline(), decided_by: otherDoctor }, otherDoctor);
    expect(await pushAs(desk, again)).toEqual([
      expect.objectContaining({ status: 'refused', code: 'chart.report.decided', field: 'status' }),
    ]);
    const overturn = await deskChange('chart_reports', reportId, { status: 'open', decided_at: null });
    expect(outcomes(await pushAs(desk, overturn))).toEqual(['chart.report.decided']);
    expect((await rowOf('chart_reports', reportId)).data).toMatchObject({ status: 'declined', decided_by: doctor });
    expect(await outbox(db, { accountId })).toHaveLength(1);
  });

  it('refuses a decision that rewrites what the patient wrote or the deadline, naming the field', async () => {
    const { reportId } = await reportCase();
    for (const [field, value] of [
      ['text', 'Всё верно, претензий нет'],
      ['due_on', '2027-01-31'],
      ['kind', 'other'],
      ['entry_id', uuidv7()],
      ['disagreement', 'Не согласна'],
    ] as const) {
      const forged = await deskChange('chart_reports', reportId, { ...decline(), [field]: value });
      expect(await pushAs(desk, forged)).toEqual([
        expect.objectContaining({ status: 'refused', code: 'chart.report.field_fixed', field }),
      ]);
    }
    const changedText = await deskChange('chart_reports', reportId, { text: 'Ошибок нет' });
    expect(outcomes(await pushAs(desk, changedText))).toEqual(['chart.report.transition']);
    expect((await rowOf('chart_reports', reportId)).data).toMatchObject({
      status: 'open',
      text: 'Гемоглобин был 125, а не 95: анализ из другой лаборатории',
    });
  });

  it('refuses a decision in someone else’s name, without a reason, or accepted without an amendment', async () => {
    const { reportId } = await reportCase();
    const cases: [Mutation['changed'], string, string][] = [
      [{ ...decline(), decided_by: otherDoctor }, 'chart.report.actor_mismatch', 'decided_by'],
      [decline('нет'), 'chart.report.decline_reason', 'decline_reason'],
      [decline('          '), 'chart.report.decline_reason', 'decline_reason'],
      [{ ...decline(), decided_at: 'вчера' }, 'chart.report.decided_at', 'decided_at'],
      [accept(2), 'chart.report.amendment_missing', 'amendment_revision'],
      [{ ...accept(), amendment_revision: null }, 'chart.report.amendment_missing', 'amendment_revision'],
      [{ ...decline(), status: 'withdrawn' }, 'chart.report.transition', 'status'],
    ];
    for (const [changed, code, field] of cases) {
      expect(await pushAs(desk, await deskChange('chart_reports', reportId, changed))).toEqual([
        expect.objectContaining({ status: 'refused', code, field }),
      ]);
    }
    expect((await rowOf('chart_reports', reportId)).data).toMatchObject({ status: 'open', decided_by: null });
  });

  it('a desk may not create a report, and a clerk may not decide one', async () => {
    const { patientId, entryId, reportId } = await reportCase();
    const made = mutation({
      table: 'chart_reports',
      actorId: doctor,
      changed: {
        patient_id: patientId,
        entry_id: entryId,
        kind: 'other',
        text: 'Сообщение, написанное не пациентом',
        submitted_at: at,
        due_on: '2026-12-08',
        status: 'open',
      },
    });
    expect(outcomes(await pushAs(desk, made))).toEqual(['chart.report.not_creatable']);
    const byClerk = await deskChange(
      'chart_reports',
      reportId,
      { ...decline(), decided_by: testStaff.clerk },
      testStaff.clerk,
    );
    expect(outcomes(await pushAs(desk, byClerk))).toEqual(['sync.actor_forbidden']);
  });
});
