import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

/** What a change leaves behind: the card's rows, its history, the audit chain and the outbox. */
function footprint(open: TempDesk): number[] {
  return ['patients', 'contact_changes', 'row_history', 'audit_events', 'sync_outbox'].map((table) =>
    open.count(table),
  );
}

function outboxOf(open: TempDesk, table: string): Record<string, unknown>[] {
  return open.store.read((tx) =>
    tx
      .all<{ changed: string }>('SELECT changed FROM sync_outbox WHERE table_name = ? ORDER BY rowid', [table])
      .map((row) => JSON.parse(row.changed) as Record<string, unknown>),
  );
}

describe('changing a patient’s contacts at the desk (B1)', () => {
  it('writes the card and one history row per changed field, audited once and synced; the history shows the previous values, who and when', async () => {
    desk = await openTempDesk();
    const id = await enrolPatient(desk, { phone: '+7 916 123-45-67', email: 'old@mail.ru', address: null });
    const changed = await desk.dispatch('patients.update', {
      id,
      phone: '8 (903) 765-43-21',
      email: 'old@mail.ru',
      address: ' г. Тверь, ул. Советская, д. 5 ',
    });
    expect(changed).toMatchObject({
      ok: true,
      data: {
        changed: ['phone', 'address'],
        patient: { phone: '+79037654321', email: 'old@mail.ru', address: 'г. Тверь, ул. Советская, д. 5' },
      },
    });

    const history = await desk.dispatch('patients.contactHistory', { id });
    expect(history.ok).toBe(true);
    const items = (history as { data: { items: Record<string, unknown>[] } }).data.items;
    expect(items).toHaveLength(2);
    const at = fixedClock.now().toISOString();
    const by = desk.ctx.actor.staffId;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'phone',
          oldValue: '+79161234567',
          newValue: '+79037654321',
          changedAt: at,
          changedBy: by,
        }),
        expect.objectContaining({
          field: 'address',
          oldValue: null,
          newValue: 'г. Тверь, ул. Советская, д. 5',
          changedAt: at,
        }),
      ]),
    );

    // Synced: the card's change (only what changed) and the two history rows go out.
    expect(outboxOf(desk, 'patients').at(-1)).toMatchObject({ phone: '+79037654321' });
    expect(outboxOf(desk, 'patients').at(-1)).not.toHaveProperty('email');
    expect(outboxOf(desk, 'contact_changes').map((row) => row.field)).toEqual(['phone', 'address']);
    expect(outboxOf(desk, 'contact_changes')[0]).toMatchObject({
      patient_id: id,
      old_value: '+79161234567',
      changed_by: by,
    });

    // One audit event for the change, naming the fields and not the values.
    const events = desk.store.read((tx) =>
      tx.all<{ details: string }>(
        "SELECT details FROM audit_events WHERE action = 'patients.contacts.update' AND patient_id = ?",
        [id],
      ),
    );
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.details)).toEqual({ fields: ['phone', 'address'] });
    expect(events[0]!.details).not.toContain('7654321');
  });

  it('a field left out stays, an empty one clears it, and a second change keeps the first in the history', async () => {
    desk = await openTempDesk();
    const id = await enrolPatient(desk, { phone: '+79161234567', email: 'a@mail.ru' });
    expect(await desk.dispatch('patients.update', { id, email: '' })).toMatchObject({
      ok: true,
      data: { changed: ['email'], patient: { phone: '+79161234567', email: null } },
    });
    expect(await desk.dispatch('patients.update', { id, email: 'b@mail.ru' })).toMatchObject({ ok: true });
    const history = await desk.dispatch('patients.contactHistory', { id });
    expect(history).toMatchObject({
      ok: true,
      data: {
        items: expect.arrayContaining([
          expect.objectContaining({ field: 'email', oldValue: 'a@mail.ru', newValue: null }),
          expect.objectContaining({ field: 'email', oldValue: null, newValue: 'b@mail.ru' }),
        ]),
      },
    });
  });

  it('the same values are no change: nothing is written', async () => {
    desk = await openTempDesk();
    const id = await enrolPatient(desk, { phone: '+79161234567', email: null });
    const before = footprint(desk);
    expect(await desk.dispatch('patients.update', { id, phone: '+7 (916) 123-45-67', email: '' })).toMatchObject({
      ok: true,
      data: { changed: [] },
    });
    expect(footprint(desk)).toEqual(before);
  });

  it('refuses identity fields by name (they change through the document comparison), and bad contacts with the enrolment’s codes; nothing is saved', async () => {
    desk = await openTempDesk();
    const id = await enrolPatient(desk, { phone: '+79161234567' });
    const before = footprint(desk);
    expect(await desk.dispatch('patients.update', { id, phone: '+79037654321', surname: 'Петрова' })).toMatchObject({
      ok: false,
      error: { code: 'patient.update.identity_field', field: 'surname' },
    });
    expect(await desk.dispatch('patients.update', { id, snils: '112-233-445 95' })).toMatchObject({
      ok: false,
      error: { code: 'patient.update.identity_field', field: 'snils' },
    });
    expect(await desk.dispatch('patients.update', { id, phone: '+7 123' })).toMatchObject({
      ok: false,
      error: { code: 'patient.phone.format', field: 'phone' },
    });
    expect(await desk.dispatch('patients.update', { id, email: 'нет@' })).toMatchObject({
      ok: false,
      error: { field: 'email' },
    });
    expect(await desk.dispatch('patients.update', { id, address: 'ул. <b>' })).toMatchObject({
      ok: false,
      error: { code: 'patient.address.characters', field: 'address' },
    });
    expect(footprint(desk)).toEqual(before);
  });

  it('refuses an unknown card, and a doctor (no patients.write)', async () => {
    desk = await openTempDesk();
    expect(
      await desk.dispatch('patients.update', { id: '019a0000-0000-7000-8000-000000000001', phone: '+79037654321' }),
    ).toMatchObject({ ok: false, error: { code: 'patient.not_found' } });
    const id = await enrolPatient(desk, {});
    await desk.cleanup();
    desk = await openTempDesk({ role: 'doctor' });
    expect(await desk.dispatch('patients.update', { id, phone: '+79037654321' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
