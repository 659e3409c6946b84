import { describe, expect, it } from 'vitest';
import { draft, validSnils } from '../support/fixtures';
import { createPatientAt, editPatient, patientsOf, pendingOutbox, type SyncDesk } from './sync-harness';
import { useSyncServer } from './use-sync-server';

const harness = useSyncServer();

async function twoDesks(): Promise<[SyncDesk, SyncDesk]> {
  const a = await harness.openDesk('desk-a');
  const b = await harness.openDesk('desk-b');
  await a.sync();
  await b.sync();
  return [a, b];
}

let snilsBody = 300_000_000;
const nextSnils = () => validSnils(String((snilsBody += 7919)));

describe('two desks against the real server (G1, G2)', () => {
  it('a patient enrolled at one desk is found at the other after a sync', async () => {
    const [a, b] = await twoDesks();
    const id = await createPatientAt(a, draft({ surname: 'Синхронова', snils: nextSnils() }));
    expect(pendingOutbox(a)).toBe(1);
    await a.sync();
    expect(pendingOutbox(a)).toBe(0);
    await b.sync();
    const found = await b.dispatch('patients.search', { query: 'Синхрон' });
    expect(found).toMatchObject({ ok: true, data: { items: [{ id, surname: 'Синхронова' }] } });
    expect(patientsOf(b).find((p) => p.id === id)).toEqual(patientsOf(a).find((p) => p.id === id));
  });

  it('merges changes to different fields of the same patient from two desks', async () => {
    const [a, b] = await twoDesks();
    const id = await createPatientAt(a, draft({ surname: 'Полева', snils: nextSnils() }));
    await a.sync();
    await b.sync();
    editPatient(a, id, { phone: '+79160000001' });
    editPatient(b, id, { email: 'poleva@example.org' });
    await a.sync();
    await b.sync();
    await a.sync();
    const rowA = patientsOf(a).find((p) => p.id === id);
    expect(rowA).toMatchObject({ phone: '+79160000001', email: 'poleva@example.org' });
    expect(patientsOf(b).find((p) => p.id === id)).toEqual(rowA);
    const conflicts = await a.dispatch('sync.conflicts', {});
    expect(conflicts).toMatchObject({ ok: true, data: { items: [] } });
  });

  it('turns the same clinical field changed at two desks into a conflict staff resolve, losing neither value', async () => {
    const [a, b] = await twoDesks();
    const id = await createPatientAt(a, draft({ surname: 'Спорная', snils: nextSnils() }));
    await a.sync();
    await b.sync();
    editPatient(a, id, { surname: 'Спорная-Первая' });
    editPatient(b, id, { surname: 'Спорная-Вторая' });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const desk of [a, b]) {
      const listed = await desk.dispatch('sync.conflicts', {});
      expect(listed.ok).toBe(true);
      if (!listed.ok) return;
      const items = (
        listed.data as { items: { field: string; serverValue: string; deviceValue: string; deviceName: string }[] }
      ).items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        field: 'surname',
        serverValue: 'Спорная-Первая',
        deviceValue: 'Спорная-Вторая',
      });
    }
    // The server kept the first value; the second is only in the conflict until staff choose it.
    expect(patientsOf(b).find((p) => p.id === id)).toMatchObject({ surname: 'Спорная-Первая' });
    const listed = await a.dispatch('sync.conflicts', {});
    const conflictId = listed.ok ? (listed.data as { items: { id: string }[] }).items[0]!.id : '';
    expect(await a.dispatch('sync.resolveConflict', { id: conflictId, keep: 'device' })).toMatchObject({
      ok: true,
      data: { resolved: true },
    });
    await a.sync();
    await b.sync();
    for (const desk of [a, b]) {
      expect(patientsOf(desk).find((p) => p.id === id)).toMatchObject({ surname: 'Спорная-Вторая' });
      expect(await desk.dispatch('sync.conflicts', {})).toMatchObject({ ok: true, data: { items: [] } });
    }
  });

  it('keeps working offline on both desks and converges when the network is back', async () => {
    const [a, b] = await twoDesks();
    a.transport.fault = 'down';
    b.transport.fault = 'down';
    const fromA = await createPatientAt(a, draft({ surname: 'Автономова', snils: nextSnils() }));
    const fromB = await createPatientAt(b, draft({ surname: 'Оффлайнова', snils: nextSnils() }));
    await expect(a.sync()).rejects.toThrow(/network cut/);
    await expect(b.sync()).rejects.toThrow(/network cut/);
    expect(pendingOutbox(a)).toBe(1);
    expect(pendingOutbox(b)).toBe(1);
    a.transport.fault = 'none';
    b.transport.fault = 'none';
    await a.sync();
    await b.sync();
    await a.sync();
    const ids = (desk: SyncDesk) => patientsOf(desk).map((p) => p.id);
    expect(ids(a)).toEqual(expect.arrayContaining([fromA, fromB]));
    expect(patientsOf(a)).toEqual(patientsOf(b));
  });

  it('applies a change once when the answer is lost and the request retried', async () => {
    const [a, b] = await twoDesks();
    const id = await createPatientAt(a, draft({ surname: 'Повторова', snils: nextSnils() }));
    a.transport.fault = 'lose-responses';
    await expect(a.sync()).rejects.toThrow(/response lost/);
    expect(pendingOutbox(a)).toBe(1);
    a.transport.fault = 'none';
    await a.sync();
    expect(pendingOutbox(a)).toBe(0);
    const logged = await harness.server
      .db('change_log')
      .where({ row_id: id })
      .count<{ count: string | number }[]>({ count: '*' });
    expect(Number(logged[0]?.count)).toBe(1);
    b.transport.fault = 'duplicate-requests';
    await b.sync();
    expect(patientsOf(b).filter((p) => p.id === id)).toHaveLength(1);
  });

  it('ignores an old request delivered again late and out of order', async () => {
    const [a, b] = await twoDesks();
    const id = await createPatientAt(a, draft({ surname: 'Порядкова', snils: nextSnils() }));
    await a.sync();
    const createRequest = a.transport.sentPushes.length - 1;
    editPatient(a, id, { surname: 'Порядкова-Новая' });
    await a.sync();
    const replayed = await a.transport.replay(createRequest);
    expect(replayed).toEqual([expect.objectContaining({ status: 'applied' })]);
    await b.sync();
    expect(patientsOf(b).find((p) => p.id === id)).toMatchObject({ surname: 'Порядкова-Новая' });
    const logged = await harness.server
      .db('change_log')
      .where({ row_id: id })
      .count<{ count: string | number }[]>({ count: '*' });
    expect(Number(logged[0]?.count)).toBe(2);
  });

  it('resumes after the server was killed mid-push, with nothing lost or doubled', async () => {
    const [a, b] = await twoDesks();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(await createPatientAt(a, draft({ surname: `Рестартова${'а'.repeat(i)}`, snils: nextSnils() })));
    await harness.server.kill();
    await expect(a.sync()).rejects.toThrow();
    await harness.server.restart();
    await a.sync();
    await b.sync();
    expect(patientsOf(b).filter((p) => ids.includes(String(p.id)))).toHaveLength(5);
    const logged = await harness.server
      .db('change_log')
      .whereIn('row_id', ids)
      .count<{ count: string | number }[]>({ count: '*' });
    expect(Number(logged[0]?.count)).toBe(5);
  });
});
