import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../electron/store/audit-log';
import { insertRecord } from '../../../../electron/store/record-door';
import { validEnp, validInn, validSnils } from '../../../support/fixtures';
import { enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

/** A scan record of a patient, written through the door as the scans service does. */
function scanOf(d: TempDesk, patientId: string): string {
  return d.store.transaction((tx) =>
    insertRecord(
      { tx, actor: d.ctx.actor, at: d.ctx.clock.now().toISOString() },
      'patients.write',
      'document_scans',
      {
        patient_id: patientId,
        sha256: 'a'.repeat(64),
        mime: 'image/jpeg',
        bytes: 1000,
        pages: 1,
        dpi: 300,
        brightness: 0.6,
        sharpness: 200,
        thumbnail_sha256: 'b'.repeat(64),
      },
      { action: 'scans.accepted', patientId },
    ),
  );
}

const scanOwner = (d: TempDesk, id: string) =>
  d.store.transaction(
    (tx) => tx.get<{ patient_id: string }>('SELECT patient_id FROM document_scans WHERE id = ?', [id])?.patient_id,
  );

describe('merging a duplicate card into the one that stays (B2)', () => {
  it('moves the identifiers the survivor lacks and the scans, in one audited change', async () => {
    desk = await openTempDesk();
    const enp = validEnp();
    const survivor = await enrolPatient(desk, { snils: validSnils() });
    const merged = await enrolPatient(desk, { surname: 'Семенова', snils: null, enp });
    const scan = scanOf(desk, merged);
    await desk.dispatch('patients.get', { id: merged });

    const result = await desk.dispatch('patients.merge', {
      survivorId: survivor,
      mergedId: merged,
      reason: 'Одна пациентка, карта заведена дважды',
    });
    expect(result).toMatchObject({
      ok: true,
      data: { survivorId: survivor, mergedId: merged, identifiers: ['enp'], scans: 1 },
    });

    expect(await desk.dispatch('patients.get', { id: survivor })).toMatchObject({
      ok: true,
      data: { enp, snils: validSnils(), mergedInto: null },
    });
    expect(scanOwner(desk, scan)).toBe(survivor);
    const events = desk.store.transaction((tx) =>
      tx.all<{ patient_id: string; details: string }>(
        "SELECT patient_id, details FROM audit_events WHERE action = 'patients.merged'",
      ),
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.patient_id).toBe(survivor);
    expect(JSON.parse(events[0]!.details)).toMatchObject({
      survivorId: survivor,
      mergedId: merged,
      reason: 'Одна пациентка, карта заведена дважды',
    });
    // Every change travels: the merged card's mark, the survivor's ЕНП, the scan's new owner.
    const outbox = desk.store.transaction((tx) =>
      tx.all<{ table_name: string; row_id: string; changed: string }>(
        'SELECT table_name, row_id, changed FROM sync_outbox ORDER BY seq DESC LIMIT 3',
      ),
    );
    const sent = outbox.map((o) => ({
      table: o.table_name,
      id: o.row_id,
      changed: JSON.parse(o.changed) as Record<string, unknown>,
    }));
    expect(sent).toEqual(
      expect.arrayContaining([
        { table: 'patients', id: merged, changed: expect.objectContaining({ merged_into: survivor }) },
        { table: 'patients', id: survivor, changed: expect.objectContaining({ enp }) },
        { table: 'document_scans', id: scan, changed: expect.objectContaining({ patient_id: survivor }) },
      ]),
    );
  });

  it('keeps the merged card readable, naming the survivor, and out of search', async () => {
    desk = await openTempDesk();
    const survivor = await enrolPatient(desk, { snils: null });
    const merged = await enrolPatient(desk, { surname: 'Семенова', snils: null });
    await desk.dispatch('patients.merge', { survivorId: survivor, mergedId: merged, reason: 'дубль' });
    expect(await desk.dispatch('patients.get', { id: merged })).toMatchObject({
      ok: true,
      data: { id: merged, surname: 'Семенова', mergedInto: survivor },
    });
    const found = await desk.dispatch('patients.search', { query: 'Семен Анна' });
    expect(found).toMatchObject({ ok: true, data: { items: [{ id: survivor }] } });
    expect((found as { data: { items: unknown[] } }).data.items).toHaveLength(1);
  });

  it("shows the merged card's history in the survivor's access log, without rewriting it (F2)", async () => {
    desk = await openTempDesk();
    const survivor = await enrolPatient(desk, { snils: null });
    const merged = await enrolPatient(desk, { surname: 'Семенова', snils: null });
    await desk.dispatch('patients.get', { id: merged });
    const before = desk.store.transaction((tx) =>
      tx.all('SELECT seq, patient_id, hash FROM audit_events ORDER BY seq'),
    );
    await desk.dispatch('patients.merge', { survivorId: survivor, mergedId: merged, reason: 'дубль' });
    const log = await desk.dispatch('patients.accessLog', { id: survivor });
    const actions = (log as { data: { lines: { action: string }[] } }).data.lines.map((item) => item.action);
    expect(actions).toEqual(['patients.merged', 'patients.read', 'patients.create', 'patients.create']);
    const after = desk.store.transaction((tx) => tx.all('SELECT seq, patient_id, hash FROM audit_events ORDER BY seq'));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(desk.store.transaction((tx) => verifyAuditChain(tx))).toMatchObject({ ok: true });
  });

  it('refuses cards with different identifiers, listing them, and changes nothing', async () => {
    desk = await openTempDesk();
    const survivor = await enrolPatient(desk, { snils: validSnils(), inn: validInn() });
    const merged = await enrolPatient(desk, {
      surname: 'Семенова',
      snils: validSnils('223344556'),
      inn: validInn('5001234568'),
    });
    const before = [desk.count('patients'), desk.count('audit_events'), desk.count('sync_outbox')];
    const result = await desk.dispatch('patients.merge', { survivorId: survivor, mergedId: merged, reason: 'дубль' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'patient.merge.identifiers',
        field: 'snils',
        message: {
          ru: 'У карт разные СНИЛС, ИНН: проверьте документы, это могут быть разные люди',
          en: expect.stringContaining('SNILS, INN'),
        },
        issues: [
          { field: 'snils', code: 'patient.merge.identifier' },
          { field: 'inn', code: 'patient.merge.identifier' },
        ],
      },
    });
    expect([desk.count('patients'), desk.count('audit_events'), desk.count('sync_outbox')]).toEqual(before);
  });

  it('refuses merging a card into itself, into a merged card, or a card merged already', async () => {
    desk = await openTempDesk();
    const a = await enrolPatient(desk, { snils: null });
    const b = await enrolPatient(desk, { surname: 'Семенова', snils: null });
    const c = await enrolPatient(desk, { surname: 'Семёнова-Грин', snils: null });
    expect(await desk.dispatch('patients.merge', { survivorId: a, mergedId: a, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'patient.merge.same' },
    });
    expect(await desk.dispatch('patients.merge', { survivorId: a, mergedId: b, reason: 'дубль' })).toMatchObject({
      ok: true,
    });
    expect(await desk.dispatch('patients.merge', { survivorId: b, mergedId: c, reason: 'дубль' })).toMatchObject({
      ok: false,
      error: {
        code: 'patient.merge.merged',
        field: 'survivorId',
        message: { ru: expect.stringContaining('Семенова Анна Петровна, 15.03.1980') },
      },
    });
    expect(await desk.dispatch('patients.merge', { survivorId: c, mergedId: b, reason: 'дубль' })).toMatchObject({
      ok: false,
      error: { code: 'patient.merge.merged', field: 'mergedId' },
    });
    expect(await desk.dispatch('patients.merge', { survivorId: a, mergedId: c, reason: '' })).toMatchObject({
      ok: false,
      error: { field: 'reason' },
    });
  });

  it('is refused to a doctor, who may read but not change cards', async () => {
    desk = await openTempDesk({ role: 'doctor' });
    const result = await desk.dispatch('patients.merge', {
      survivorId: crypto.randomUUID(),
      mergedId: crypto.randomUUID(),
      reason: 'дубль',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
