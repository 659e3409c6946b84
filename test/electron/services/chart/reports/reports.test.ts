import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { labDraft, openReportDesk, pulledReport, recordedLab, type ReportDesk } from './report-desk';

let desk: ReportDesk;
beforeEach(async () => {
  desk = await openReportDesk();
});
afterEach(() => desk.cleanup());

const reason = 'Значение подтверждено бланком лаборатории клиники';
const amendReason = 'Исправлено по сообщению пациента: бланк другой лаборатории';

type Report = { id: string; status: string; decidedBy: { id: string } | null; amendmentRevision: number | null };
const reportOf = (envelope: { data?: Record<string, unknown> }) => (envelope.data as { report: Report }).report;

describe('the reviewer queue of inaccuracy reports (D4)', () => {
  it('lists open reports nearest deadline first, the overdue ones flagged, with the patient and the entry', async () => {
    const entryId = await recordedLab(desk);
    // The desk's day is 25.11.2026.
    const later = pulledReport(desk, entryId, { due_on: '2026-12-09' });
    const overdue = pulledReport(desk, entryId, { due_on: '2026-11-24' });
    const today = pulledReport(desk, entryId, { due_on: '2026-11-25' });
    const declinedEarlier = pulledReport(desk, entryId, {
      due_on: '2026-11-01',
      status: 'declined',
      decline_reason: reason,
    });
    const declinedLater = pulledReport(desk, entryId, {
      due_on: '2026-11-10',
      status: 'declined',
      decline_reason: reason,
    });

    const queue = await desk.asDoctor('chart.reports.queue', {});
    expect(queue.ok).toBe(true);
    const data = queue.data as {
      items: { id: string; overdue: boolean; patientName: string; entrySummary: string }[];
      open: number;
      overdue: number;
    };
    expect(data.items.map((item) => [item.id, item.overdue])).toEqual([
      [overdue, true],
      [today, false],
      [later, false],
    ]);
    expect(data.items[0]).toMatchObject({ patientName: 'Семёнова Анна Петровна', entrySummary: 'Гемоглобин: 95 г/л' });
    expect(data).toMatchObject({ open: 3, overdue: 1 });
    expect(await desk.asDoctor('chart.reports.count', {})).toEqual({ ok: true, data: { open: 3, overdue: 1 } });

    // Decided ones: the latest first.
    const declined = await desk.asDoctor('chart.reports.queue', { status: 'declined' });
    expect((declined.data as { items: { id: string; overdue: boolean }[] }).items).toEqual([
      expect.objectContaining({ id: declinedLater, overdue: false }),
      expect.objectContaining({ id: declinedEarlier, overdue: false }),
    ]);
    // The reads of patients' words are audited; the counter shows no patient data and is not.
    expect(desk.count('audit_events', "action = 'chart.reports.queue'")).toBe(2);
  });

  it('is the doctor’s: a clerk sees neither the queue nor its counter', async () => {
    expect(await desk.asClerk('chart.reports.queue', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await desk.asClerk('chart.reports.count', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('accepting a report: the entry amended, linked to it (D4)', () => {
  it('amends the entry and closes the report in one step; the old version stays readable', async () => {
    const entryId = await recordedLab(desk);
    const reportId = pulledReport(desk, entryId);
    const accepted = await desk.asDoctor('chart.reports.accept', {
      id: reportId,
      baseRevision: 1,
      draft: labDraft(125),
      reason: amendReason,
    });
    expect(accepted.ok).toBe(true);
    expect(reportOf(accepted)).toMatchObject({
      status: 'accepted',
      amendmentRevision: 2,
      decidedBy: { id: desk.doctorCtx.actor.staffId },
    });

    const detail = await desk.asDoctor('chart.entry', { id: entryId });
    expect(detail.data).toMatchObject({
      entry: { revision: 2, summary: 'Гемоглобин: 125 г/л', reportId, amendReason },
      revisions: [{ revision: 1, summary: 'Гемоглобин: 95 г/л', reason: amendReason, reportId }],
      reports: [{ id: reportId, status: 'accepted', amendmentRevision: 2 }],
    });
    // The server gets the previous version, the amendment and the decision, in that order.
    const sent = desk.store.read((tx) =>
      tx.all<{ table_name: string }>('SELECT table_name FROM sync_outbox ORDER BY seq'),
    );
    expect(sent.map((row) => row.table_name).slice(-3)).toEqual(['chart_revisions', 'chart_entries', 'chart_reports']);
    expect(await desk.asDoctor('chart.reports.count', {})).toEqual({ ok: true, data: { open: 0, overdue: 0 } });
  });

  it('writes nothing when the amendment is refused: a stale version, another kind, bad content', async () => {
    const entryId = await recordedLab(desk);
    const reportId = pulledReport(desk, entryId);
    const before = [desk.count('chart_revisions'), desk.count('sync_outbox')];
    const allergy = {
      kind: 'allergy',
      body: {
        substance: 'Пенициллин',
        reaction: 'Крапивница',
        severity: 'moderate',
        verification: 'reported',
        notedOn: '2026-11-20',
      },
    };
    const future = { ...labDraft(125), body: { ...labDraft(125).body, takenOn: '2030-01-01' } };
    const attempts = [
      [{ baseRevision: 2, draft: labDraft(125) }, 'chart.entry.changed', 'baseRevision'],
      [{ baseRevision: 1, draft: allergy }, 'chart.entry.kind_mismatch', 'draft.kind'],
      [{ baseRevision: 1, draft: future }, 'chart.date.future', 'draft.body.takenOn'],
      [{ baseRevision: 1, draft: { kind: 'lab_result', body: {} } }, 'input.required', 'draft.body.test'],
    ] as const;
    for (const [input, code, field] of attempts) {
      const refused = await desk.asDoctor('chart.reports.accept', { id: reportId, reason: amendReason, ...input });
      expect(refused).toMatchObject({ ok: false, error: { code, field } });
    }
    expect([desk.count('chart_revisions'), desk.count('sync_outbox')]).toEqual(before);
    expect(desk.count('chart_reports', "status = 'open'")).toBe(1);
    expect(desk.count('chart_entries', 'revision = 1')).toBe(1);
  });
});

describe('declining a report and deciding only once (D4)', () => {
  it('declines with the reason the patient reads; the entry is untouched', async () => {
    const entryId = await recordedLab(desk);
    const reportId = pulledReport(desk, entryId);
    const declined = await desk.asDoctor('chart.reports.decline', { id: reportId, reason });
    expect(reportOf(declined)).toMatchObject({ status: 'declined', amendmentRevision: null });
    expect(declined.data).toMatchObject({ report: { declineReason: reason } });
    expect(desk.count('chart_entries', 'revision = 1')).toBe(1);
    expect(desk.count('audit_events', "action = 'chart.reports.decline'")).toBe(1);
  });

  it('needs a reason of at least 10 characters, and saves nothing without one', async () => {
    const reportId = pulledReport(desk, await recordedLab(desk));
    for (const short of ['', '          ', 'нет']) {
      const refused = await desk.asDoctor('chart.reports.decline', { id: reportId, reason: short });
      expect(refused).toMatchObject({ ok: false, error: { field: 'reason' } });
    }
    expect(desk.count('chart_reports', "status = 'open'")).toBe(1);
  });

  it('refuses a second decision either way, and an unknown report', async () => {
    const entryId = await recordedLab(desk);
    const declinedFirst = pulledReport(desk, entryId);
    await desk.asDoctor('chart.reports.decline', { id: declinedFirst, reason });
    const acceptedFirst = pulledReport(desk, entryId);
    const accept = (id: string, baseRevision: number) =>
      desk.asDoctor('chart.reports.accept', { id, baseRevision, draft: labDraft(125), reason: amendReason });
    expect((await accept(acceptedFirst, 1)).ok).toBe(true);

    expect(await accept(declinedFirst, 2)).toMatchObject({ ok: false, error: { code: 'chart.report.decided' } });
    expect(await desk.asDoctor('chart.reports.decline', { id: acceptedFirst, reason })).toMatchObject({
      ok: false,
      error: { code: 'chart.report.decided', field: 'id' },
    });
    expect(desk.count('chart_entries', 'revision = 2')).toBe(1);
    expect(await desk.asDoctor('chart.reports.decline', { id: 'no-such-report', reason })).toMatchObject({
      ok: false,
      error: { code: 'chart.report.not_found' },
    });
  });
});
