import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyPageSql } from '../../../../electron/services/chart/history-query';
import { chartFilterSchema, type ChartFilter } from '../../../../shared/chart/chart-views';
import { chartCall as call, drafts, openChartDesk, type ChartDesk } from '../../../support/chart-fixtures';
import type { ServiceContext } from '../../../../electron/core/context';
import { recordEntry } from '../../../../electron/services/chart/record-entry';
import { removeEntry } from '../../../../electron/services/chart/amend-entry';
import { chartDraftSchema } from '../../../../shared/chart/drafts';

/**
 * One patient's history written by two doctors over a year: 30 encounters (first and repeat
 * visits alternating) each with a diagnosis, an allergy, lab results, one entry removed.
 */
let desk: ChartDesk;
let other: ServiceContext;
const ids: Record<string, string> = {};

function write(ctx: ServiceContext, draft: unknown, encounterId: string | null = null): string {
  return recordEntry(ctx, {
    patientId: desk.patientId,
    encounterId,
    draft: chartDraftSchema.parse(draft),
    overrides: [],
  }).entry.id;
}

beforeAll(async () => {
  desk = await openChartDesk();
  other = { ...desk.ctx, actor: { ...desk.ctx.actor, staffId: 'doctor-two', displayName: 'Вторая Врач' } };
  for (let i = 0; i < 30; i += 1) {
    const day = new Date(Date.UTC(2025, 10, 1 + i * 12, 8, 0)).toISOString();
    const ctx = i % 3 === 0 ? other : desk.ctx;
    const visit = write(
      ctx,
      drafts.encounter({ at: day, visitType: i % 2 === 0 ? 'first' : 'repeat', conclusion: `Осмотр номер ${i}` }),
    );
    const status = i === 29 ? 'active' : 'resolved';
    const code = i % 2 === 0 ? 'J06.9' : 'I10';
    write(
      ctx,
      drafts.diagnosis({
        icd10: code,
        status,
        establishedOn: day.slice(0, 10),
        resolvedOn: status === 'resolved' ? day.slice(0, 10) : null,
      }),
      visit,
    );
    if (i === 0) ids.firstVisit = visit;
  }
  ids.allergy = write(desk.ctx, drafts.allergy({ substance: 'Пыльца берёзы', medicineCode: null, reaction: 'ринит' }));
  ids.lab = write(desk.ctx, drafts.lab({ takenOn: '2026-11-19' }));
  ids.removed = write(
    desk.ctx,
    drafts.lab({
      test: 'Глюкоза',
      value: 5.1,
      unit: 'ммоль/л',
      referenceLow: 3.3,
      referenceHigh: 5.5,
      takenOn: '2026-11-18',
    }),
  );
  removeEntry(desk.ctx, { id: ids.removed, baseRevision: 1, reason: 'Анализ другого пациента' });
});
afterAll(() => desk.cleanup());

const history = (filter: Partial<ChartFilter> = {}, extra: Record<string, unknown> = {}) =>
  call(desk, 'chart.history', { patientId: desk.patientId, filter, ...extra });

describe('the history of illness (D1)', () => {
  it('lists everything newest first with a total on the first page, removed entries left out', async () => {
    const page = await history();
    expect(page.data!.total).toBe(62);
    const times = page.data!.items.map((item) => item.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(page.data!.items[0]).toMatchObject({ kind: 'lab_result', summary: 'Гемоглобин: 128 г/л', status: 'normal' });
    expect(page.data!.items.some((item) => item.id === ids.removed)).toBe(false);
    expect(page.data!.next).toBeNull();
    const withRemoved = await history({ includeDeleted: true });
    expect(withRemoved.data!.total).toBe(63);
    expect(withRemoved.data!.items.find((item) => item.id === ids.removed)).toMatchObject({
      deleted: true,
      revision: 2,
    });
  });

  it('pages by keyset: every entry once, in order, the total only on the first page', async () => {
    const seen: string[] = [];
    let after = null;
    let pages = 0;
    do {
      const page = await history({}, { after, limit: 25 });
      expect(page.ok, JSON.stringify(page.error)).toBe(true);
      expect(page.data!.total).toBe(pages === 0 ? 62 : null);
      seen.push(...page.data!.items.map((item) => `${item.occurredAt}|${item.id}`));
      after = page.data!.next;
      pages += 1;
    } while (after !== null);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(62);
    expect(seen).toEqual([...seen].sort().reverse());
  });

  it('filters by days (inclusive), type of visit, kind and doctor, with the doctor’s name', async () => {
    const days = await history({ from: '2025-11-01', to: '2025-11-13' });
    expect(days.data!.items.map((item) => item.kind).sort()).toEqual([
      'diagnosis',
      'diagnosis',
      'encounter',
      'encounter',
    ]);
    const repeat = await history({ visitTypes: ['repeat'], kinds: ['encounter'] });
    expect(repeat.data!.total).toBe(15);
    expect(repeat.data!.items.every((item) => item.visitType === 'repeat' && item.kind === 'encounter')).toBe(true);
    const byOther = await history({ doctorIds: ['doctor-two'], kinds: ['encounter'] });
    expect(byOther.data!.total).toBe(10);
    expect(byOther.data!.items[0]!.doctor).toEqual({ id: 'doctor-two', name: 'doctor-two' });
    const mine = await history({ doctorIds: [desk.ctx.actor.staffId], kinds: ['allergy'] });
    expect(mine.data!.items[0]!.doctor).toEqual({ id: desk.ctx.actor.staffId, name: desk.ctx.actor.displayName });
  });

  it('filters by diagnosis: the code prefix on diagnoses and on encounters by their main diagnosis', async () => {
    const j06 = await history({ diagnosis: 'j06' });
    expect(j06.data!.total).toBe(30);
    expect(new Set(j06.data!.items.map((item) => item.kind))).toEqual(new Set(['diagnosis', 'encounter']));
    expect(j06.data!.items.every((item) => item.code === 'J06.9')).toBe(true);
  });

  it('searches a code prefix or every word of the summary in any order, ё = е', async () => {
    expect((await history({ text: 'I10' })).data!.total).toBe(30);
    const words = await history({ text: 'березы пыльца' });
    expect(words.data!.items.map((item) => item.id)).toEqual([ids.allergy]);
    expect((await history({ text: 'ПЫЛЬЦА Берёз' })).data!.total).toBe(1);
    expect((await history({ text: 'номер 7 осмотр' })).data!.items).toEqual([
      expect.objectContaining({ kind: 'encounter', summary: expect.stringContaining('Осмотр номер 7') }),
    ]);
    expect((await history({ text: 'ничего такого' })).data!.total).toBe(0);
    // Words page too.
    const first = await history({ text: 'осмотр' }, { limit: 20 });
    expect(first.data!.total).toBe(30);
    const second = await history({ text: 'осмотр' }, { limit: 20, after: first.data!.next });
    expect(second.data!.items).toHaveLength(10);
    expect(second.data!.total).toBeNull();
  });

  it('reads the page from the covering index alone, without touching the table', () => {
    const filters: Partial<ChartFilter>[] = [
      {},
      {
        from: '2025-01-01',
        to: '2026-01-01',
        kinds: ['encounter'],
        visitTypes: ['first'],
        doctorIds: ['x'],
        diagnosis: 'J06',
      },
    ];
    for (const filter of filters) {
      const sql = historyPageSql(
        desk.patientId,
        chartFilterSchema.parse(filter),
        { occurredAt: '2026-01-01T00:00:00.000Z', id: 'z' },
        200,
      );
      const plan = desk.store.read((tx) => tx.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql.text}`, sql.params));
      const details = plan.map((step) => step.detail).join('\n');
      expect(details).toContain('USING COVERING INDEX chart_history');
      expect(details).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('audits one read per call, with the patient', async () => {
    const before = desk.count('audit_events', "action = 'chart.history' AND patient_id = ?", [desk.patientId]);
    await history();
    await history({ text: 'осмотр' });
    expect(desk.count('audit_events', "action = 'chart.history' AND patient_id = ?", [desk.patientId])).toBe(
      before + 2,
    );
  });

  it('offers as doctors the active doctors and everyone who wrote in a chart, by name', async () => {
    const doctors = await call(desk, 'chart.doctors', {});
    expect(doctors.data!.items).toEqual(
      expect.arrayContaining([
        { id: 'doctor-two', name: 'doctor-two' },
        { id: desk.ctx.actor.staffId, name: desk.ctx.actor.displayName },
      ]),
    );
  });
});
