import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawTx } from '../../../../../electron/store/raw-tx';
import { drafts } from '../../../../support/chart-fixtures';
import { openAccessDesk, type AccessDesk } from './access-desk';

let d: AccessDesk;
const hours = (n: number) => n * 3_600_000;
const court = 'Решение суда № 2-123/2026 от 01.12.2026';

beforeEach(async () => {
  d = await openAccessDesk();
});
afterEach(() => d.cleanup());

/** The team doctor records an encounter and a diagnosis in it; returns their ids. */
async function teamWrites(): Promise<{ encounter: string; diagnosis: string }> {
  await d.as(d.team);
  const encounter = await d.ok('chart.record', { patientId: d.patientId, draft: drafts.encounter() } as never);
  const diagnosis = await d.ok('chart.record', {
    patientId: d.patientId,
    encounterId: encounter.entry.id,
    draft: drafts.diagnosis(),
  } as never);
  return { encounter: encounter.entry.id, diagnosis: diagnosis.entry.id };
}

async function breakGlass(entryId: string | null = null) {
  return d.ok('chartAccess.breakGlass', {
    patientId: d.patientId,
    entryId,
    reasonCode: 'unconscious',
    reasonText: 'Доставлен без сознания, нужен анамнез',
    key: (await d.touch(d.outsider)) as never,
  });
}

const refusal = async (name: Parameters<AccessDesk['api']>[0], input: unknown) => {
  const result = await d.api(name, input);
  return result.ok ? null : result.error.code;
};

describe('the treating team (F4)', () => {
  it('an empty chart is open to any doctor; once written, a doctor outside the team is refused', async () => {
    await d.as(d.outsider);
    expect((await d.ok('chart.history', { patientId: d.patientId })).items).toEqual([]);
    const { encounter } = await teamWrites();
    expect((await d.ok('chart.history', { patientId: d.patientId })).total).toBe(2);
    await d.as(d.outsider);
    expect(await refusal('chart.history', { patientId: d.patientId })).toBe('chart.access.outside_team');
    expect(await refusal('chart.entry', { id: encounter })).toBe('chart.access.outside_team');
    const status = await d.ok('chartAccess.status', { patientId: d.patientId });
    expect(status).toMatchObject({ inTeam: false, empty: false, grants: [], restrictions: [] });
  });

  it('writing a new entry puts the doctor in the team', async () => {
    await teamWrites();
    await d.as(d.outsider);
    await d.ok('chart.record', { patientId: d.patientId, draft: drafts.encounter() } as never);
    expect((await d.ok('chart.history', { patientId: d.patientId })).total).toBe(3);
  });

  it('a booking with the doctor as specialist counts; a cancelled one or one over a year old does not', async () => {
    await teamWrites();
    const book = (id: string, startsAt: string, status: string) =>
      d.desk.store.transaction((tx) => {
        const at = '2026-11-01T00:00:00.000Z';
        rawTx(tx).run(
          `INSERT INTO appointments (id, version, created_at, updated_at, patient_id, specialist_id, service_type_id,
             starts_at, ends_at, mode, status, source) VALUES (?, 0, ?, ?, ?, 'spec-1', 'st-1', ?, ?, 'in_person', ?, 'desk')`,
          [id, at, at, d.patientId, startsAt, startsAt, status],
        );
      });
    d.desk.store.transaction((tx) =>
      rawTx(tx).run(
        `INSERT INTO specialists (id, version, created_at, updated_at, staff_id, display_name, specialty_code,
           position_code, active) VALUES ('spec-1', 0, ?, ?, ?, 'Дежурный И. С.', '1', '1', 1)`,
        ['2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', d.outsider.id],
      ),
    );
    book('a-old', '2025-10-01T08:00:00.000Z', 'arrived');
    book('a-cancelled', '2026-12-01T08:00:00.000Z', 'cancelled');
    await d.as(d.outsider);
    expect(await refusal('chart.history', { patientId: d.patientId })).toBe('chart.access.outside_team');
    book('a-next', '2026-12-02T08:00:00.000Z', 'booked');
    expect((await d.ok('chart.history', { patientId: d.patientId })).total).toBe(2);
  });
});

describe('restrictions (F4)', () => {
  it('the team restricts an entry with its basis; bad input is refused with its own code and writes nothing', async () => {
    const { diagnosis } = await teamWrites();
    const before = d.desk.count('audit_events');
    const input = { patientId: d.patientId, entryId: diagnosis, reason: 'court_order', basis: court };
    expect(await refusal('chartAccess.restrict', { ...input, basis: undefined })).toBe('chart.restriction.basis');
    expect(await refusal('chartAccess.restrict', { ...input, basis: '   ' })).toBe('chart.restriction.basis');
    expect(await refusal('chartAccess.restrict', { ...input, basis: 'x'.repeat(501) })).toBe('chart.restriction.basis');
    expect(await refusal('chartAccess.restrict', { ...input, reason: 'curiosity' })).toBe('chart.restriction.reason');
    expect(d.desk.count('record_restrictions')).toBe(0);
    expect(d.desk.count('audit_events')).toBe(before);

    const made = await d.ok('chartAccess.restrict', input as never);
    expect(made).toMatchObject({ entryId: diagnosis, reason: 'court_order', basis: court, liftedAt: null });
    expect(await refusal('chartAccess.restrict', input)).toBe('chart.restriction.exists');
    expect(d.desk.count('audit_events', "action = 'chart.restriction.added'")).toBe(1);
    expect(d.desk.count('sync_outbox', "table_name = 'record_restrictions'")).toBe(1);

    await d.as(d.outsider);
    expect(await refusal('chartAccess.restrict', { ...input, entryId: null })).toBe('chart.access.outside_team');
    expect(await refusal('chartAccess.lift', { id: made.id, reason: 'Решение отменено' })).toBe(
      'chart.access.outside_team',
    );

    await d.as(d.team);
    const lifted = await d.ok('chartAccess.lift', { id: made.id, reason: 'Решение суда отменено' });
    expect(lifted.liftedAt).not.toBeNull();
    expect(await refusal('chartAccess.lift', { id: made.id, reason: 'Ещё раз снимаю' })).toBe(
      'chart.restriction.lifted',
    );
    expect(d.desk.count('audit_events', "action = 'chart.restriction.lifted'")).toBe(1);
  });

  it('a restricted entry is shown to the team, marked with its reason; to an outsider with a grant it is absent', async () => {
    const { encounter, diagnosis } = await teamWrites();
    const restriction = await d.ok('chartAccess.restrict', {
      patientId: d.patientId,
      entryId: diagnosis,
      reason: 'harm',
      basis: 'Протокол врачебной комиссии № 14',
    } as never);
    expect((await d.ok('chart.history', { patientId: d.patientId })).total).toBe(2);
    const status = await d.ok('chartAccess.status', { patientId: d.patientId });
    expect(status.restrictions).toEqual([
      expect.objectContaining({ id: restriction.id, entryId: diagnosis, reason: 'harm' }),
    ]);

    await d.as(d.outsider);
    await breakGlass();
    const page = await d.ok('chart.history', { patientId: d.patientId });
    expect(page.items.map((item) => item.id)).toEqual([encounter]);
    expect(page.total).toBe(1);
    const opened = await d.ok('chart.entry', { id: encounter });
    expect(opened.children).toEqual([]);
    expect(await refusal('chart.entry', { id: diagnosis })).toBe('chart.entry.not_found');
    expect((await d.ok('chartAccess.status', { patientId: d.patientId })).restrictions).toEqual([]);

    // A grant for the restricted entry itself opens it, visibly.
    await breakGlass(diagnosis);
    expect((await d.ok('chart.entry', { id: diagnosis })).entry.id).toBe(diagnosis);
  });
});

describe('break-the-glass (F4)', () => {
  it('is refused without a reason or a key touch, and writes nothing', async () => {
    await teamWrites();
    await d.as(d.outsider);
    const before = d.desk.count('audit_events', "action LIKE 'chart.emergency.%'");
    const base = { patientId: d.patientId, reasonCode: 'life_threat', reasonText: 'Остановка дыхания в холле' };
    expect(await refusal('chartAccess.breakGlass', base)).toBe('chart.emergency.key_required');
    expect(await refusal('chartAccess.breakGlass', { ...base, key: null })).toBe('chart.emergency.key_required');
    const key = await d.touch(d.outsider);
    expect(await refusal('chartAccess.breakGlass', { ...base, reasonText: 'срочно', key })).toBe(
      'chart.emergency.reason',
    );
    expect(await refusal('chartAccess.breakGlass', { ...base, reasonCode: 'bored', key })).toBe(
      'chart.emergency.reason',
    );
    // A touch answering another challenge does not do.
    const other = await d.touch(d.outsider);
    expect(await refusal('chartAccess.breakGlass', { ...base, key: { ...key, answer: other.answer } })).toBe(
      'auth.key.refused',
    );
    expect(d.desk.count('emergency_access')).toBe(0);
    expect(d.desk.count('audit_events', "action LIKE 'chart.emergency.%'")).toBe(before);
  });

  it('a grant by key touch lets the reads through, each marked with it, until it expires', async () => {
    const { encounter } = await teamWrites();
    await d.as(d.outsider);
    const grant = await breakGlass();
    expect(Date.parse(grant.expiresAt) - Date.parse(grant.startedAt)).toBe(hours(24));
    const row = d.desk.store.read((tx) =>
      tx.get<{ credential_id: string; staff_id: string }>('SELECT credential_id, staff_id FROM emergency_access'),
    );
    expect(row).toMatchObject({ staff_id: d.outsider.id });
    expect(row?.credential_id).toMatch(/^[\w-]+$/);
    expect(d.desk.count('sync_outbox', "table_name = 'emergency_access'")).toBe(1);
    expect(d.desk.count('audit_events', "action = 'chart.emergency.started'")).toBe(1);

    await d.ok('chart.history', { patientId: d.patientId });
    await d.ok('chart.entry', { id: encounter });
    const marked = () =>
      d.desk.count(
        'audit_events',
        "json_extract(details, '$.emergencyAccessId') = ? AND action <> 'chart.emergency.started'",
        [grant.id],
      );
    expect(marked()).toBe(2);
    expect((await d.ok('chartAccess.status', { patientId: d.patientId })).grants).toEqual([
      expect.objectContaining({ id: grant.id, reasonCode: 'unconscious', expiresAt: grant.expiresAt }),
    ]);

    d.clock.advance(hours(24) + 1);
    expect(await refusal('chart.history', { patientId: d.patientId })).toBe('chart.access.outside_team');
    expect((await d.ok('chartAccess.status', { patientId: d.patientId })).grants).toEqual([]);
  });

  it('lasts the desk setting; the team needs no grant', async () => {
    await teamWrites();
    expect(
      await refusal('chartAccess.breakGlass', {
        patientId: d.patientId,
        reasonCode: 'other',
        reasonText: 'Хочу проверить доступ',
        key: await d.touch(d.team),
      }),
    ).toBe('chart.emergency.not_needed');
    await d.as(d.outsider);
    expect(await refusal('chartAccess.setEmergencyHours', { hours: 2 })).toBe('forbidden');
    await d.as(d.admin);
    expect(await refusal('chartAccess.setEmergencyHours', { hours: 73 })).toBe('chart.emergency.hours');
    expect(await refusal('chartAccess.setEmergencyHours', { hours: 0 })).toBe('chart.emergency.hours');
    await d.ok('chartAccess.setEmergencyHours', { hours: 2 });
    await d.as(d.outsider);
    expect((await d.ok('chartAccess.settings', {})).emergencyHours).toBe(2);
    const grant = await breakGlass();
    expect(Date.parse(grant.expiresAt) - Date.parse(grant.startedAt)).toBe(hours(2));
  });
});

describe("the auditor's review", () => {
  it('lists grants newest first with the reads made under each; a verdict once, a note for unjustified', async () => {
    const { encounter } = await teamWrites();
    await d.as(d.outsider);
    const grant = await breakGlass();
    await d.ok('chart.entry', { id: encounter });
    await d.as(d.auditor);
    const queue = await d.ok('chartAccess.reviews', {});
    expect(queue.pending).toBe(1);
    expect(queue.items[0]).toMatchObject({
      id: grant.id,
      staff: { id: d.outsider.id, name: 'Дежурный Игорь Сергеевич' },
      reasonCode: 'unconscious',
      reads: 1,
      verdict: null,
    });
    expect(await refusal('chartAccess.review', { id: grant.id, verdict: 'unjustified' })).toBe(
      'chart.emergency.review_note',
    );
    expect(d.desk.count('audit_events', "action = 'chart.emergency.reviewed'")).toBe(0);
    const done = await d.ok('chartAccess.review', {
      id: grant.id,
      verdict: 'unjustified',
      note: 'Пациент был в сознании, можно было спросить лечащего врача',
    });
    expect(done).toMatchObject({ verdict: 'unjustified', reviewedBy: { id: d.auditor.id } });
    expect(await refusal('chartAccess.review', { id: grant.id, verdict: 'justified' })).toBe(
      'chart.emergency.reviewed',
    );
    expect((await d.ok('chartAccess.reviews', {})).pending).toBe(0);
    expect((await d.ok('chartAccess.reviews', { status: 'reviewed' })).items).toHaveLength(1);
    expect(d.desk.count('audit_events', "action = 'chart.emergency.reviewed'")).toBe(1);
  });
});
