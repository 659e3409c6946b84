import { describe, expect, it } from 'vitest';
import type { ChartEntryDetail } from '../../shared/api/chart-calls';
import type { SyncConflictView } from '../../shared/api/sync-status';
import { draft, validSnils } from '../support/fixtures';
import { actAsDoctor, encounterDraft, ok, openEntry } from './chart-desks';
import { createPatientAt, pendingOutbox, type SyncDesk } from './sync-harness';
import { useSyncServer } from './use-sync-server';

const harness = useSyncServer();

let snilsBody = 412_000_000;
const nextSnils = () => validSnils(String((snilsBody += 7919)));

/**
 * Two desks, each with a doctor, and an encounter desk A's doctor recorded for a patient desk A's
 * clerk enrolled — on both desks after a sync.
 */
async function encounterOnTwoDesks(): Promise<{ a: SyncDesk; b: SyncDesk; entryId: string }> {
  const a = await harness.openDesk('desk-a');
  const b = await harness.openDesk('desk-b');
  const patientId = await createPatientAt(a, draft({ surname: 'Карточкина', snils: nextSnils() }));
  await actAsDoctor(a, 'Иванова Мария Сергеевна');
  await actAsDoctor(b, 'Петров Алексей Николаевич');
  const recorded = await ok<ChartEntryDetail>(a, 'chart.record', {
    patientId,
    draft: encounterDraft('Гипертоническая болезнь II стадии. Эналаприл 10 мг 2 раза в день.'),
  });
  await a.sync();
  await b.sync();
  // Desk B's doctor sees the patient too (their own visit): both are in the treating team (F4).
  await ok(b, 'chart.record', {
    patientId,
    draft: encounterDraft('Осмотр дежурного терапевта, АД 145/90', '2026-11-21T08:00:00.000Z'),
  });
  const entryId = recorded.entry.id;
  expect((await openEntry(b, entryId)).entry.revision).toBe(1);
  return { a, b, entryId };
}

const amend = (desk: SyncDesk, id: string, baseRevision: number, conclusion: string, reason: string) =>
  desk.dispatch('chart.amend', { id, baseRevision, draft: encounterDraft(conclusion), reason });

const conclusionOf = (detail: ChartEntryDetail) => (detail.entry.body as { conclusion: string }).conclusion;

describe('chart amendments at two desks (issue 12, D4, D5)', () => {
  it('the same entry amended at two desks before either synced: one version stays, the other is a conflict for the doctors, neither lost', async () => {
    const { a, b, entryId } = await encounterOnTwoDesks();
    const first = 'Гипертоническая болезнь II стадии. Эналаприл 20 мг 2 раза в день.';
    const second = 'Гипертоническая болезнь II стадии. Добавлен амлодипин 5 мг.';
    expect(await amend(a, entryId, 1, first, 'Коррекция дозы по дневнику АД')).toMatchObject({ ok: true });
    expect(await amend(b, entryId, 1, second, 'Добавлен второй препарат')).toMatchObject({ ok: true });

    await a.sync();
    await b.sync();
    await a.sync();

    // One current version, the same at both desks: the amendment that reached the server first.
    const atA = await openEntry(a, entryId);
    const atB = await openEntry(b, entryId);
    expect(conclusionOf(atA)).toBe(first);
    expect(conclusionOf(atB)).toBe(first);
    expect(atB.entry.revision).toBe(atA.entry.revision);
    // The version before the amendments stays readable beside it.
    expect(atB.revisions.map((revision) => (revision.body as { conclusion: string }).conclusion)).toContain(
      'Гипертоническая болезнь II стадии. Эналаприл 10 мг 2 раза в день.',
    );
    // The second doctor's text is not overwritten in silence: it waits in a conflict at both desks.
    for (const desk of [a, b]) {
      const { items } = await ok<{ items: SyncConflictView[] }>(desk, 'sync.conflicts', {});
      const conflicts = items.filter((item) => item.table === 'chart_entries' && item.rowId === entryId);
      expect(conflicts.length).toBeGreaterThan(0);
      const body = conflicts.find((item) => item.field === 'body');
      expect(body?.deviceValue).toContain('амлодипин');
      expect(body?.serverValue).toContain('Эналаприл 20 мг');
    }
    // Every change of both desks reached the server: none pending, none refused.
    expect(a.count('sync_outbox')).toBe(0);
    expect(b.count('sync_outbox')).toBe(0);
  });

  it('an entry amended at another desk while a doctor has it open: seen at once, and saving over it is refused with both versions shown', async () => {
    const { a, b, entryId } = await encounterOnTwoDesks();
    const opened = await openEntry(a, entryId);
    expect(
      await amend(b, entryId, 1, 'Гипертоническая болезнь, целевое АД достигнуто.', 'Уточнение по итогам визита'),
    ).toMatchObject({
      ok: true,
    });
    await b.sync();
    await a.sync();

    // The open entry's screen polls chart.watch: the change is visible without reopening.
    const watched = await ok<{ revision: number; updatedBy: string | null; deleted: boolean }>(a, 'chart.watch', {
      id: entryId,
    });
    expect(watched.revision).toBe(opened.entry.revision + 1);
    expect(watched.deleted).toBe(false);

    const before = pendingOutbox(a);
    const refused = await amend(
      a,
      entryId,
      opened.entry.revision,
      'Гипертоническая болезнь, требуется коррекция терапии.',
      'Правка поверх открытой версии',
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'chart.entry.changed' } });
    expect(pendingOutbox(a)).toBe(before);

    // Both versions are there to compare: the other desk's current one and the one the doctor opened.
    const now = await openEntry(a, entryId);
    expect(conclusionOf(now)).toBe('Гипертоническая болезнь, целевое АД достигнуто.');
    expect(now.entry.amendReason).toBe('Уточнение по итогам визита');
    expect(now.revisions.map((revision) => (revision.body as { conclusion: string }).conclusion)).toContain(
      conclusionOf(opened),
    );

    // Amended again from the version now shown, it goes through and reaches the other desk.
    expect(
      await amend(
        a,
        entryId,
        now.entry.revision,
        'Гипертоническая болезнь, требуется коррекция терапии.',
        'Правка после сверки версий',
      ),
    ).toMatchObject({ ok: true });
    await a.sync();
    await b.sync();
    const atB = await openEntry(b, entryId);
    expect(atB.entry.revision).toBe(now.entry.revision + 1);
    expect(atB.revisions).toHaveLength(2);
  });

  it('an entry removed at one desk while amended at another: the tombstone and its reason stay, the amendment is not lost', async () => {
    const { a, b, entryId } = await encounterOnTwoDesks();
    expect(
      await b.dispatch('chart.remove', { id: entryId, baseRevision: 1, reason: 'Запись внесена не тому пациенту' }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await amend(a, entryId, 1, 'Гипертоническая болезнь II стадии, уточнено.', 'Уточнение заключения'),
    ).toMatchObject({ ok: true });
    await b.sync();
    await a.sync();
    await b.sync();

    for (const desk of [a, b]) {
      const detail = await openEntry(desk, entryId);
      expect(detail.entry.deleted).toBe(true);
      expect(detail.entry.deletedReason).toBe('Запись внесена не тому пациенту');
      const { items } = await ok<{ items: SyncConflictView[] }>(desk, 'sync.conflicts', {});
      const kept =
        conclusionOf(detail) === 'Гипертоническая болезнь II стадии, уточнено.' ||
        items.some((item) => item.rowId === entryId && (item.deviceValue ?? '').includes('уточнено'));
      expect(kept).toBe(true);
    }
  });
});
