import { describe, expect, it } from 'vitest';
import { draft, validSnils } from '../support/fixtures';
import { createPatientAt } from './sync-harness';
import { useSyncServer } from './use-sync-server';

const harness = useSyncServer();

interface HistoryEntry {
  field: string;
  oldValue: string | null;
  newValue: string | null;
  changedBy: string | null;
}

describe('contact changes travel with their history (B1, G1)', () => {
  it('a change at one desk reaches the other with the previous value and who made it; two offline changes both stay in the history', async () => {
    const a = await harness.openDesk('contacts-a');
    const b = await harness.openDesk('contacts-b');
    const id = await createPatientAt(
      a,
      draft({ surname: 'Контактова', snils: validSnils('600700800'), phone: '+79161234567', email: null }),
    );
    await a.sync();
    await b.sync();

    expect(await a.dispatch('patients.update', { id, phone: '+79037654321' })).toMatchObject({ ok: true });
    await a.sync();
    await b.sync();
    expect(await b.dispatch('patients.get', { id })).toMatchObject({ ok: true, data: { phone: '+79037654321' } });
    const first = await b.dispatch('patients.contactHistory', { id });
    expect(first).toMatchObject({
      ok: true,
      data: {
        items: [{ field: 'phone', oldValue: '+79161234567', newValue: '+79037654321', changedBy: a.ctx.actor.staffId }],
      },
    });

    // Both desks offline: each changes the e-mail; the card keeps the later one, the history keeps both.
    expect(await a.dispatch('patients.update', { id, email: 'a@mail.ru' })).toMatchObject({ ok: true });
    expect(await b.dispatch('patients.update', { id, email: 'b@mail.ru' })).toMatchObject({ ok: true });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const desk of [a, b]) {
      expect(await desk.dispatch('patients.get', { id })).toMatchObject({ ok: true, data: { email: 'b@mail.ru' } });
      const history = await desk.dispatch('patients.contactHistory', { id });
      const emails = (history as { data: { items: HistoryEntry[] } }).data.items.filter(
        (entry) => entry.field === 'email',
      );
      expect(emails.map((entry) => entry.newValue).sort()).toEqual(['a@mail.ru', 'b@mail.ru']);
      expect(desk.count('sync_conflicts')).toBe(0);
    }
  });
});
