import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { rawTx } from '../../../../electron/store/raw-tx';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

type Event = [kind: string, at: string, detail?: Record<string, string>];

/** An application and its journal as sync brings them to the desk. */
function application(open: TempDesk, submittedAt: string, events: Event[], marks: { overdueAt?: string } = {}): void {
  const id = randomUUID();
  open.store.transaction((tx) => {
    const run = rawTx(tx).run;
    run(
      `INSERT INTO applications (id, version, number, channel, status, submitted_at, due_at, overdue_at,
                                 created_at, updated_at) VALUES (?, 1, ?, 'portal', 'submitted', ?, ?, ?, ?, ?)`,
      [id, `З-26-П-${id.slice(0, 6)}`, submittedAt, submittedAt, marks.overdueAt ?? null, submittedAt, submittedAt],
    );
    for (const [kind, at, detail] of [['received', submittedAt] as Event, ...events]) {
      run(
        `INSERT INTO application_events (id, version, application_id, kind, at, actor_kind, detail, created_at, updated_at)
         VALUES (?, 1, ?, ?, ?, 'staff', ?, ?, ?)`,
        [randomUUID(), id, kind, at, detail ? JSON.stringify(detail) : null, at, at],
      );
    }
  });
}

const h = (base: string, hours: number) => new Date(Date.parse(base) + hours * 3_600_000).toISOString();

/**
 * Eight applications whose figures are worked out by hand below. The desk's clock: Wednesday
 * 25.11.2026 12:00 Moscow, so the default period is 07.09.2026 (Monday of 2026-W37) – 25.11.2026.
 */
function handWorkedCase(open: TempDesk): void {
  const monday = '2026-11-23T06:00:00.000Z'; // 09:00 Moscow, 2026-W48
  application(open, monday, [
    ['review_started', h(monday, 0.5)],
    ['approved', h(monday, 1)],
    // The patient activates the account 29 hours after the approval.
    ['activated', h(monday, 30)],
  ]);
  application(open, monday, [
    ['review_started', h(monday, 0.5)],
    ['denied', h(monday, 2), { reason: 'no_identity' }],
    ['supplied', h(monday, 24)],
    ['approved', h(monday, 26)],
  ]);
  application(open, monday, [
    ['review_started', h(monday, 0.5)],
    ['denied', h(monday, 4), { reason: 'no_consent' }],
  ]);
  application(open, monday, [
    ['review_started', h(monday, 0.5)],
    ['approved', h(monday, 10)],
  ]);
  const week46 = '2026-11-09T06:00:00.000Z';
  application(open, week46, [
    ['review_started', h(week46, 2)],
    ['approved', h(week46, 6)],
  ]);
  // Never opened, and marked overdue on Wednesday of 2026-W46.
  application(open, '2026-11-10T06:00:00.000Z', [], { overdueAt: '2026-11-11T06:00:00.000Z' });
  // Long before the period: not counted.
  application(open, '2026-08-03T06:00:00.000Z', [
    ['review_started', '2026-08-03T07:00:00.000Z'],
    ['approved', '2026-08-03T08:00:00.000Z'],
  ]);
  // Submitted on Sunday 06.09 at 23:00 Moscow (before the period), opened at 00:00 and denied at
  // 01:00 on Monday 07.09 Moscow time — in the period by the desk's day, not by UTC's.
  application(open, '2026-09-06T20:00:00.000Z', [
    ['review_started', '2026-09-06T21:00:00.000Z'],
    ['denied', '2026-09-06T22:00:00.000Z', { reason: 'legal_restriction' }],
  ]);
}

describe('the applications report (C6)', () => {
  it('gives processing time by week, time in each stage, overdue marks and decisions by reason, as worked out by hand', async () => {
    desk = await openTempDesk();
    handWorkedCase(desk);
    const reply = await desk.dispatch('reports.applications', {});
    expect(reply.ok).toBe(true);
    const report = (reply as { data: Record<string, unknown> }).data as {
      from: string;
      to: string;
      weeks: {
        week: string;
        start: string;
        count: number;
        medianHours: number | null;
        p90Hours: number | null;
        overdue: number;
      }[];
      stages: unknown[];
      decisions: unknown[];
      totals: unknown;
    };
    expect([report.from, report.to]).toEqual(['2026-09-07', '2026-11-25']);
    expect(report.weeks).toHaveLength(12);
    expect(report.weeks[0]).toEqual({
      week: '2026-W37',
      start: '2026-09-07',
      count: 1,
      medianHours: 2,
      p90Hours: 2,
      overdue: 0,
    });
    // Processing 1, 2, 4, 10 h: median (2 + 4) / 2; p90 at rank 2.7: 4 + 0.7 × 6.
    expect(report.weeks[11]).toEqual({
      week: '2026-W48',
      start: '2026-11-23',
      count: 4,
      medianHours: 3,
      p90Hours: 8.2,
      overdue: 0,
    });
    expect(report.weeks[9]).toEqual({
      week: '2026-W46',
      start: '2026-11-09',
      count: 1,
      medianHours: 6,
      p90Hours: 6,
      overdue: 1,
    });
    expect(report.weeks[10]).toEqual({
      week: '2026-W47',
      start: '2026-11-16',
      count: 0,
      medianHours: null,
      p90Hours: null,
      overdue: 0,
    });
    expect(report.stages).toEqual([
      // 0.5 × 4, 1, 2: p90 at rank 4.5 between 1 and 2.
      { stage: 'queue', count: 6, medianHours: 0.5, p90Hours: 1.5 },
      // 0.5, 1, 1.5, 2 (B's second review, after supplying), 3.5, 4, 9.5: p90 at rank 5.4.
      { stage: 'review', count: 7, medianHours: 2, p90Hours: 6.2 },
      { stage: 'supply', count: 1, medianHours: 22, p90Hours: 22 },
      { stage: 'activation', count: 1, medianHours: 29, p90Hours: 29 },
    ]);
    expect(report.decisions).toEqual([
      { decision: 'approved', count: 4 },
      { decision: 'no_identity', count: 1 },
      { decision: 'no_consent', count: 1 },
      { decision: 'legal_restriction', count: 1 },
      { decision: 'confidentiality', count: 0 },
    ]);
    // Processing 1, 2, 2, 4, 6, 10 h; the Sunday-evening application was submitted before the period.
    expect(report.totals).toEqual({
      submitted: 6,
      decided: 7,
      activated: 1,
      overdue: 1,
      processing: { count: 6, medianHours: 3, p90Hours: 8 },
    });
  });

  it('an empty period says so with zeros and no medians', async () => {
    desk = await openTempDesk();
    handWorkedCase(desk);
    const reply = await desk.dispatch('reports.applications', { from: '2026-06-01', to: '2026-06-30' });
    expect(reply).toMatchObject({
      ok: true,
      data: {
        totals: { submitted: 0, decided: 0, activated: 0, overdue: 0, processing: { count: 0, medianHours: null } },
      },
    });
    expect((reply as { data: { weeks: unknown[] } }).data.weeks).toHaveLength(5);
  });

  it('exports a CSV for Excel: UTF-8 with a BOM, `;`-separated, a header row per table, decimal commas', async () => {
    desk = await openTempDesk();
    handWorkedCase(desk);
    const reply = await desk.dispatch('reports.applicationsCsv', { from: '2026-11-09', to: '2026-11-25' });
    expect(reply.ok).toBe(true);
    const { fileName, text } = (reply as { data: { fileName: string; text: string } }).data;
    expect(fileName).toBe('zayavleniya_2026-11-09_2026-11-25.csv');
    expect(text.startsWith('\uFEFFПериод с;по;Подано;')).toBe(true);
    const lines = text.split('\r\n');
    // Processing 1, 2, 4, 6, 10 h: median 4, p90 at rank 3.6: 6 + 0.6 × 4.
    expect(lines[1]).toBe('09.11.2026;25.11.2026;6;6;1;1;4;8,4');
    expect(lines).toContain('Неделя;Начало недели;Решено впервые;Медиана, ч;90-й процентиль, ч;Просрочено');
    expect(lines).toContain('2026-W48;23.11.2026;4;3;8,2;0');
    expect(lines).toContain('2026-W47;16.11.2026;0;;;0');
    expect(lines).toContain('Решение;Количество');
    expect(lines).toContain('Отказ: личность не подтверждена;1');
  });

  it('refuses a period that runs backwards or is too long; an auditor may not read it', async () => {
    desk = await openTempDesk();
    expect(await desk.dispatch('reports.applications', { from: '2026-11-25', to: '2026-11-01' })).toMatchObject({
      ok: false,
      error: { code: 'report.period.order', field: 'from' },
    });
    expect(await desk.dispatch('reports.applications', { from: '2020-01-01', to: '2026-11-01' })).toMatchObject({
      ok: false,
      error: { code: 'report.period.too_long' },
    });
    expect(await desk.dispatch('reports.applications', { from: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'report.period.date', field: 'from' },
    });
    await desk.cleanup();
    desk = await openTempDesk({ role: 'auditor' });
    expect(await desk.dispatch('reports.applications', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
