import { describe, expect, it } from 'vitest';
import { draft, validEnp, validSnils } from '../support/fixtures';
import { createPatientAt, pendingOutbox } from './sync-harness';
import { useSyncServer } from './use-sync-server';

const harness = useSyncServer();

describe('a merge reaches the other desks (B2, G1)', () => {
  it('the second desk hides the merged card, shows it as merged, and sees the identifiers the survivor took', async () => {
    const a = await harness.openDesk('merge-a');
    const b = await harness.openDesk('merge-b');
    const enp = validEnp('770000000000777');
    const survivor = await createPatientAt(a, draft({ surname: 'Слиянова', snils: validSnils('400500600') }));
    const merged = await createPatientAt(
      a,
      draft({ surname: 'Слиянова', name: 'Анна', patronymic: null, snils: null, enp }),
    );
    await a.sync();
    await b.sync();
    expect((await b.dispatch('patients.search', { query: 'Слиян' })) as { data: { items: unknown[] } }).toMatchObject({
      data: { items: [{}, {}] },
    });

    const result = await a.dispatch('patients.merge', {
      survivorId: survivor,
      mergedId: merged,
      reason: 'Одна пациентка',
    });
    expect(result).toMatchObject({ ok: true, data: { identifiers: ['enp'] } });
    await a.sync();
    expect(pendingOutbox(a)).toBe(0);
    await b.sync();

    expect(await b.dispatch('patients.get', { id: merged })).toMatchObject({
      ok: true,
      data: { mergedInto: survivor },
    });
    expect(await b.dispatch('patients.get', { id: survivor })).toMatchObject({
      ok: true,
      data: { enp, mergedInto: null },
    });
    const found = (await b.dispatch('patients.search', { query: 'Слиян' })) as {
      ok: true;
      data: { items: { id: string }[] };
    };
    expect(found.data.items.map((item) => item.id)).toEqual([survivor]);
    // The merged card's reads at desk B show under the survivor there too.
    await b.dispatch('patients.get', { id: merged });
    const log = (await b.dispatch('patients.accessLog', { id: survivor })) as {
      ok: true;
      data: { lines: { action: string }[] };
    };
    expect(log.data.lines.map((item) => item.action)).toContain('patients.read');
    expect(await b.dispatch('patients.duplicates', { enp })).toMatchObject({
      ok: true,
      data: { items: [{ id: survivor, hardStop: true }] },
    });
  });
});
