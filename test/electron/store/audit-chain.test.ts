import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/store/audit-log';
import { draft, validSnils } from '../../support/fixtures';
import { openTempDesk, type TempDesk } from '../../support/temp-desk';
import { rawTx } from '../../../electron/store/raw-tx';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

async function deskWithActivity(): Promise<{ desk: TempDesk; patientId: string }> {
  const d = await openTempDesk();
  const created = await d.dispatch('patients.create', draft());
  if (!created.ok) throw new Error('create failed');
  const patientId = (created.data as { id: string }).id;
  await d.dispatch('patients.search', { query: 'Семен' });
  await d.dispatch('patients.get', { id: patientId });
  await d.dispatch(
    'patients.create',
    draft({ surname: 'Орлов', name: 'Олег', patronymic: null, sex: 'male', snils: validSnils('223344556') }),
  );
  return { desk: d, patientId };
}

const verify = (d: TempDesk) => d.store.transaction((tx) => verifyAuditChain(tx));

describe('the audit log (F1)', () => {
  it('records every read and write of patient data with actor, desk and patient', async () => {
    ({ desk } = await deskWithActivity());
    const events = desk.store.transaction((tx) =>
      tx.all<{ action: string; actor_role: string; device_id: string; patient_id: string | null; details: string }>(
        'SELECT action, actor_role, device_id, patient_id, details FROM audit_events ORDER BY seq',
      ),
    );
    expect(events.map((event) => event.action)).toEqual([
      'patients.create',
      'patients.search',
      'patients.read',
      'patients.create',
    ]);
    expect(new Set(events.map((event) => event.device_id))).toEqual(new Set([desk.ctx.actor.deviceId]));
    expect(events.every((event) => event.actor_role === 'clerk')).toBe(true);
    expect(JSON.parse(events[1]!.details)).toMatchObject({ query: 'Семен', shown: [events[0]!.patient_id] });
    expect(verify(desk)).toMatchObject({ ok: true, events: 4 });
  });

  it('audits opening a card that does not exist', async () => {
    desk = await openTempDesk();
    const id = '01900000-0000-7000-8000-000000000000';
    expect(await desk.dispatch('patients.get', { id })).toMatchObject({
      ok: false,
      error: { code: 'patient.not_found' },
    });
    expect(desk.count('audit_events')).toBe(1);
  });

  it('refuses to change or delete an event', async () => {
    ({ desk } = await deskWithActivity());
    expect(() =>
      desk!.store.transaction((tx) => rawTx(tx).run("UPDATE audit_events SET action = 'x' WHERE seq = 1")),
    ).toThrow(/append-only/);
    expect(() => desk!.store.transaction((tx) => rawTx(tx).run('DELETE FROM audit_events WHERE seq = 2'))).toThrow(
      /append-only/,
    );
    expect(verify(desk)).toMatchObject({ ok: true, events: 4 });
  });

  it('names the first event whose content was changed behind the triggers', async () => {
    ({ desk } = await deskWithActivity());
    desk.store.transaction((tx) => {
      rawTx(tx).run('DROP TRIGGER audit_events_no_update');
      rawTx(tx).run(`UPDATE audit_events SET details = '{"query":"other"}' WHERE seq = 2`);
    });
    expect(verify(desk)).toMatchObject({ ok: false, events: 1, broken: { seq: 2, reason: 'hash' } });
  });

  it('detects an event removed from the middle of the chain', async () => {
    ({ desk } = await deskWithActivity());
    desk.store.transaction((tx) => {
      rawTx(tx).run('DROP TRIGGER audit_events_no_delete');
      rawTx(tx).run('DELETE FROM audit_events WHERE seq = 3');
    });
    expect(verify(desk)).toMatchObject({ ok: false, broken: { seq: 4, reason: 'sequence' } });
  });

  it('detects an event rewritten with a fresh hash of its own (the link breaks)', async () => {
    ({ desk } = await deskWithActivity());
    desk.store.transaction((tx) => {
      rawTx(tx).run('DROP TRIGGER audit_events_no_update');
      rawTx(tx).run(`UPDATE audit_events SET prev_hash = '${'f'.repeat(64)}' WHERE seq = 3`);
    });
    expect(verify(desk)).toMatchObject({ ok: false, broken: { seq: 3, reason: 'link' } });
  });

  it('lists who opened a card for that patient, newest first, with names and desk', async () => {
    let patientId: string;
    ({ desk, patientId } = await deskWithActivity());
    const log = await desk.dispatch('patients.accessLog', { id: patientId });
    expect(log).toMatchObject({
      ok: true,
      data: {
        lines: [
          {
            action: 'patients.read',
            actorName: 'Учётная запись рабочего места',
            actorRole: 'clerk',
            deviceName: 'test-desk',
          },
          { action: 'patients.create' },
        ],
      },
    });
  });
});
