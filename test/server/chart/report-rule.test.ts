import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../../shared/sync/protocol';
import { outbox } from '../cabinet/applications/application-setup';
import { cabinetOptions, signedInAccount } from '../cabinet/uploads/cabinet-uploader';
import { enrolledPatient, outcomes, pushAs } from '../portal/portal-setup';
import { mutation, testStaff, useTestServer } from '../support/test-server';
import {
  amendedEntry,
  at,
  deskChange,
  openChartDesk,
  openReport,
  previousVersion,
  recordedEntry,
  rowOf,
  type ChartDesk,
} from './report-setup';

const mailDrop = mkdtempSync(join(tmpdir(), 'medcard-chart-reports-'));
const running = useTestServer(() => ({ cabinet: cabinetOptions(mailDrop) }));
let chart: ChartDesk;

beforeAll(async () => {
  chart = await openChartDesk(running.db, running.server);
}, 180_000);
afterAll(() => rmSync(mailDrop, { recursive: true, force: true }));

async function reportCase() {
  const patientId = await enrolledPatient(chart.desk);
  const account = await signedInAccount(chart.db, patientId);
  const entryId = await recordedEntry(chart, patientId);
  const reportId = await openReport(chart.db, { patientId, entryId, accountId: account.accountId });
  return { patientId, accountId: account.accountId, entryId, reportId };
}

const accept = (revision = 2) => ({
  status: 'accepted',
  decided_at: new Date().toISOString(),
  decided_by: chart.doctor,
  amendment_revision: revision,
});
const decline = (reason = 'Значение подтверждено бланком лаборатории клиники') => ({
  status: 'declined',
  decided_at: new Date().toISOString(),
  decided_by: chart.doctor,
  decline_reason: reason,
});
const decide = (reportId: string, changed: Mutation['changed'], actorId?: string) =>
  deskChange(chart, 'chart_reports', reportId, changed, actorId);
const reportRow = async (reportId: string) => (await rowOf(chart.db, 'chart_reports', reportId)).data;

describe('a doctor decides a patient’s inaccuracy report (D4, seed §6.3)', () => {
  it('accepts it with the amendment of the entry, and the patient is told by e-mail with a link', async () => {
    const { patientId, accountId, entryId, reportId } = await reportCase();
    const previous = previousVersion(chart, entryId, patientId, { report_id: reportId });
    const entry = await amendedEntry(chart, entryId, 125, { report_id: reportId });
    const decided = await decide(reportId, accept());
    expect(outcomes(await pushAs(chart.desk, previous, entry, decided))).toEqual(['applied', 'applied', 'applied']);

    expect(await reportRow(reportId)).toMatchObject({
      status: 'accepted',
      decided_by: chart.doctor,
      amendment_revision: 2,
      text: 'Гемоглобин был 125, а не 95: анализ из другой лаборатории',
    });
    expect((await rowOf(chart.db, 'chart_entries', entryId)).data).toMatchObject({ revision: 2, report_id: reportId });
    const messages = await outbox(chart.db, { accountId });
    expect(messages.map((message) => [message.template, message.channel])).toEqual([
      ['chart_report_accepted', 'email'],
    ]);
    expect(messages[0]!.params).toEqual({ submittedOn: '2026-11-24', link: 'http://127.0.0.1/cabinet/cards' });
  });

  it('declines it with a reason; the patient is told, by SMS when they turned e-mail notices off', async () => {
    const { accountId, reportId } = await reportCase();
    await chart.db('cabinet_accounts').where({ id: accountId }).update({ notify_email: false });
    expect(outcomes(await pushAs(chart.desk, await decide(reportId, decline())))).toEqual(['applied']);
    expect(await reportRow(reportId)).toMatchObject({
      status: 'declined',
      decline_reason: 'Значение подтверждено бланком лаборатории клиники',
    });
    const messages = await outbox(chart.db, { accountId });
    expect(messages.map((message) => [message.template, message.channel])).toEqual([['chart_report_declined', 'sms']]);
  });

  it('refuses a decision made twice, whoever makes it, and tells the patient once', async () => {
    const { accountId, reportId } = await reportCase();
    expect(outcomes(await pushAs(chart.desk, await decide(reportId, decline())))).toEqual(['applied']);
    const again = await decide(reportId, { ...decline(), decided_by: chart.otherDoctor }, chart.otherDoctor);
    expect(await pushAs(chart.desk, again)).toEqual([
      expect.objectContaining({ status: 'refused', code: 'chart.report.decided', field: 'status' }),
    ]);
    const overturn = await decide(reportId, { status: 'open', decided_at: null });
    expect(outcomes(await pushAs(chart.desk, overturn))).toEqual(['chart.report.decided']);
    expect(await reportRow(reportId)).toMatchObject({ status: 'declined', decided_by: chart.doctor });
    expect(await outbox(chart.db, { accountId })).toHaveLength(1);
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
      const forged = await decide(reportId, { ...decline(), [field]: value });
      expect(await pushAs(chart.desk, forged)).toEqual([
        expect.objectContaining({ status: 'refused', code: 'chart.report.field_fixed', field }),
      ]);
    }
    const changedText = await decide(reportId, { text: 'Ошибок нет' });
    expect(outcomes(await pushAs(chart.desk, changedText))).toEqual(['chart.report.transition']);
    expect(await reportRow(reportId)).toMatchObject({
      status: 'open',
      text: 'Гемоглобин был 125, а не 95: анализ из другой лаборатории',
    });
  });

  it('refuses a decision in someone else’s name, without a reason, or accepted without an amendment', async () => {
    const { reportId } = await reportCase();
    const cases: [Mutation['changed'], string, string][] = [
      [{ ...decline(), decided_by: chart.otherDoctor }, 'chart.report.actor_mismatch', 'decided_by'],
      [decline('нет'), 'chart.report.decline_reason', 'decline_reason'],
      [decline('          '), 'chart.report.decline_reason', 'decline_reason'],
      [{ ...decline(), decided_at: 'вчера' }, 'chart.report.decided_at', 'decided_at'],
      [accept(2), 'chart.report.amendment_missing', 'amendment_revision'],
      [{ ...accept(), amendment_revision: null }, 'chart.report.amendment_missing', 'amendment_revision'],
      [{ ...decline(), status: 'withdrawn' }, 'chart.report.transition', 'status'],
    ];
    for (const [changed, code, field] of cases) {
      expect(await pushAs(chart.desk, await decide(reportId, changed))).toEqual([
        expect.objectContaining({ status: 'refused', code, field }),
      ]);
    }
    expect(await reportRow(reportId)).toMatchObject({ status: 'open', decided_by: null });
  });

  it('a desk may not create a report, and a clerk may not decide one', async () => {
    const { patientId, entryId, reportId } = await reportCase();
    const made = mutation({
      table: 'chart_reports',
      actorId: chart.doctor,
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
    expect(outcomes(await pushAs(chart.desk, made))).toEqual(['chart.report.not_creatable']);
    const byClerk = await decide(reportId, { ...decline(), decided_by: testStaff.clerk }, testStaff.clerk);
    expect(outcomes(await pushAs(chart.desk, byClerk))).toEqual(['sync.actor_forbidden']);
  });
});
