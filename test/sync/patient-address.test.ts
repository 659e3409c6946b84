import { describe, expect, it } from 'vitest';
import { draft, validSnils } from '../support/fixtures';
import { createPatientAt, editPatient } from './sync-harness';
import { useSyncServer } from './use-sync-server';

const harness = useSyncServer();

describe('the patient address travels like the phone (B1, G1)', () => {
  it('reaches the other desk; two desks changing it offline end with the later change and no conflict record', async () => {
    const a = await harness.openDesk('address-a');
    const b = await harness.openDesk('address-b');
    const id = await createPatientAt(
      a,
      draft({ surname: 'Адресова', snils: validSnils('500600700'), address: 'г. Тверь, ул. Советская, д. 5' }),
    );
    await a.sync();
    await b.sync();
    expect(await b.dispatch('patients.get', { id })).toMatchObject({
      ok: true,
      data: { address: 'г. Тверь, ул. Советская, д. 5' },
    });

    editPatient(a, id, { address: 'г. Тверь, ул. Советская, д. 7' });
    editPatient(b, id, { address: 'г. Москва, ул. Тверская, д. 1' });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const desk of [a, b]) {
      expect(await desk.dispatch('patients.get', { id })).toMatchObject({
        ok: true,
        data: { address: 'г. Москва, ул. Тверская, д. 1' },
      });
      expect(desk.count('sync_conflicts')).toBe(0);
    }
  });
});
