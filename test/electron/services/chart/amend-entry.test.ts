import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { amendEntry } from '../../../../electron/services/chart/amend-entry';
import { chartDraftSchema } from '../../../../shared/chart/drafts';
import { chartCall as call, drafts, openChartDesk, type ChartDesk } from '../../../support/chart-fixtures';

let desk: ChartDesk;
beforeEach(async () => {
  desk = await openChartDesk();
});
afterEach(() => desk.cleanup());

const written = () => [
  desk.count('chart_entries'),
  desk.count('chart_revisions'),
  desk.count('sync_outbox'),
  desk.count('audit_events'),
];

async function recorded(draft: unknown, encounterId: string | null = null): Promise<string> {
  const result = await call(desk, 'chart.record', { patientId: desk.patientId, encounterId, draft });
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return result.data!.entry.id;
}

const amend = (id: string, baseRevision: number, draft: unknown, reason = 'Уточнение диагноза после анализов') =>
  call(desk, 'chart.amend', { id, baseRevision, draft, reason });
const remove = (id: string, baseRevision: number, reason = 'Запись внесена в карту ошибочно') =>
  call(desk, 'chart.remove', { id, baseRevision, reason });

describe('amendments (D4): never silently changed', () => {
  it('keeps the previous version readable beside the new one, with who, when and why', async () => {
    const id = await recorded(drafts.diagnosis({ icd10: 'J06.9' }));
    const result = await amend(id, 1, drafts.diagnosis({ icd10: 'J06.0' }));
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    const me = { id: desk.ctx.actor.staffId, name: desk.ctx.actor.displayName };
    expect(result.data!.entry).toMatchObject({
      revision: 2,
      code: 'J06.0',
      summary: 'J06.0 Острый ларингофарингит',
      amended: true,
      amendedAt: desk.now,
      amendedBy: me,
      amendReason: 'Уточнение диагноза после анализов',
    });
    expect(result.data!.revisions).toEqual([
      expect.objectContaining({
        revision: 1,
        code: 'J06.9',
        summary: 'J06.9 Острая инфекция верхних дыхательных путей неуточненная',
        body: expect.objectContaining({ icd10: 'J06.9' }),
        replacedAt: desk.now,
        replacedBy: me,
        reason: 'Уточнение диагноза после анализов',
      }),
    ]);
    const again = await amend(id, 2, drafts.diagnosis({ icd10: 'I10' }), 'Третья версия записи');
    expect(again.data!.revisions.map((revision) => [revision.revision, revision.code])).toEqual([
      [2, 'J06.0'],
      [1, 'J06.9'],
    ]);
    const event = desk.store.read((tx) =>
      tx.get<{ details: string }>(
        "SELECT details FROM audit_events WHERE action = 'chart.amend' ORDER BY seq DESC LIMIT 1",
      ),
    );
    expect(JSON.parse(event!.details)).toMatchObject({ entry: id, revision: 3, reason: 'Третья версия записи' });
  });

  it('refuses a stale baseRevision and writes nothing: the screen then shows both versions', async () => {
    const id = await recorded(drafts.procedure());
    expect((await amend(id, 1, drafts.procedure({ comment: 'Первая правка' }))).ok).toBe(true);
    const before = written();
    const stale = await amend(id, 1, drafts.procedure({ comment: 'Правка поверх чужой' }));
    expect(stale).toMatchObject({ ok: false, error: { code: 'chart.entry.changed', field: 'baseRevision' } });
    expect(stale.error!.message.en).toContain('revision 2, you opened 1');
    expect(written()).toEqual(before);
    expect((await remove(id, 1)).error?.code).toBe('chart.entry.changed');
  });

  it('refuses changing the kind, and applies the same rules as recording', async () => {
    const id = await recorded(drafts.diagnosis());
    const before = written();
    expect(await amend(id, 1, drafts.procedure())).toMatchObject({
      ok: false,
      error: { code: 'chart.entry.kind_mismatch', field: 'draft.kind' },
    });
    expect(await amend(id, 1, drafts.diagnosis({ icd10: 'NOPE' }))).toMatchObject({
      ok: false,
      error: { code: 'chart.code.unknown', field: 'draft.body.icd10' },
    });
    expect(await amend(id, 1, drafts.diagnosis({ establishedOn: '2030-01-01' }))).toMatchObject({
      ok: false,
      error: { code: 'chart.date.future' },
    });
    expect(await amend(id, 1, drafts.diagnosis(), 'кор')).toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/^input\./) },
    });
    // An amendment is not its own duplicate.
    expect((await amend(id, 1, drafts.diagnosis({ comment: 'без изменений кода' }))).ok).toBe(true);
    expect(written()[0]).toBe(before[0]);
  });

  it('an amended encounter carries its new time and type of visit to its entries', async () => {
    const visit = await recorded(drafts.encounter());
    const child = await recorded(drafts.diagnosis(), visit);
    const result = await amend(
      visit,
      1,
      drafts.encounter({ at: '2026-11-21T10:00:00.000Z', visitType: 'repeat' }),
      'Неверная дата приёма',
    );
    expect(result.data!.children).toEqual([
      expect.objectContaining({ id: child, occurredAt: '2026-11-21T10:00:00.000Z', visitType: 'repeat' }),
    ]);
    // The encounter keeps the code its main diagnosis gave it.
    expect(result.data!.entry.code).toBe('J06.9');
  });

  it('the encounter’s code follows its main diagnosis as it is amended and removed', async () => {
    const visit = await recorded(drafts.encounter());
    const main = await recorded(drafts.diagnosis({ icd10: 'J06.9' }), visit);
    await recorded(drafts.diagnosis({ icd10: 'I10', role: 'accompanying' }), visit);
    const code = async () => (await call(desk, 'chart.entry', { id: visit })).data!.entry.code;
    expect(await code()).toBe('J06.9');
    await amend(main, 1, drafts.diagnosis({ icd10: 'J06.0' }));
    expect(await code()).toBe('J06.0');
    await remove(main, 2);
    expect(await code()).toBeNull();
  });

  it('links an amendment to the inaccuracy report it answers', async () => {
    const id = await recorded(drafts.procedure());
    const reportId = randomUUID();
    const detail = amendEntry(desk.ctx, {
      id,
      baseRevision: 1,
      draft: chartDraftSchema.parse(drafts.procedure({ comment: 'Исправлено по сообщению пациента' })),
      reason: 'Сообщение пациента о неточности',
      overrides: [],
      reportId,
    });
    expect(detail.entry.reportId).toBe(reportId);
    expect(detail.revisions[0]!.reportId).toBe(reportId);
  });
});

describe('removal is a tombstone (D4)', () => {
  it('marks the entry removed with its reason, keeps the previous version, and refuses further changes', async () => {
    const id = await recorded(drafts.lab());
    const result = await remove(id, 1);
    expect(result.data!.entry).toMatchObject({
      deleted: true,
      deletedAt: desk.now,
      deletedReason: 'Запись внесена в карту ошибочно',
      revision: 2,
    });
    expect(result.data!.revisions).toEqual([
      expect.objectContaining({ revision: 1, reason: 'Запись внесена в карту ошибочно' }),
    ]);
    expect(desk.count('chart_entries', 'id = ?', [id])).toBe(1);
    const before = written();
    expect(await amend(id, 2, drafts.lab())).toMatchObject({ ok: false, error: { code: 'chart.entry.deleted' } });
    expect(await remove(id, 2)).toMatchObject({ ok: false, error: { code: 'chart.entry.deleted' } });
    expect(written()).toEqual(before);
    // Still readable when opened, and marked in the watch.
    expect((await call(desk, 'chart.entry', { id })).data!.entry.deleted).toBe(true);
    expect((await call(desk, 'chart.watch', { id })).data).toMatchObject({ revision: 2, deleted: true });
  });

  it('a removed diagnosis no longer counts as active: the same code may be recorded again', async () => {
    const id = await recorded(drafts.diagnosis({ icd10: 'I10' }));
    await remove(id, 1);
    expect(
      (await call(desk, 'chart.record', { patientId: desk.patientId, draft: drafts.diagnosis({ icd10: 'I10' }) })).ok,
    ).toBe(true);
  });

  it('a removed encounter takes no new entries', async () => {
    const visit = await recorded(drafts.encounter());
    await remove(visit, 1);
    const result = await call(desk, 'chart.record', {
      patientId: desk.patientId,
      encounterId: visit,
      draft: drafts.procedure(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'chart.encounter.not_found' } });
  });
});

describe('opening and watching an entry', () => {
  it('opening is audited; watching is not, and follows the revision', async () => {
    const id = await recorded(drafts.procedure());
    const audits = desk.count('audit_events');
    const opened = await call(desk, 'chart.entry', { id });
    expect(opened.data).toMatchObject({ revisions: [], children: [], reports: [] });
    expect(desk.count('audit_events', "action = 'chart.entry' AND patient_id = ?", [desk.patientId])).toBe(1);
    expect(desk.count('audit_events')).toBe(audits + 1);
    const watched = await call(desk, 'chart.watch', { id });
    expect(watched.data).toEqual({
      revision: 1,
      updatedAt: desk.now,
      updatedBy: desk.ctx.actor.displayName,
      deleted: false,
    });
    expect(desk.count('audit_events')).toBe(audits + 1);
    await amend(id, 1, drafts.procedure({ comment: 'Дополнение' }));
    expect((await call(desk, 'chart.watch', { id })).data).toMatchObject({ revision: 2 });
  });

  it('an unknown entry is chart.entry.not_found', async () => {
    for (const name of ['chart.entry', 'chart.watch']) {
      expect(await call(desk, name, { id: randomUUID() })).toMatchObject({
        ok: false,
        error: { code: 'chart.entry.not_found' },
      });
    }
  });
});
