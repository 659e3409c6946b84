import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { ServiceContext } from '../../../electron/core/context';
import { readSetting, writeSetting } from '../../../electron/store/settings';
import type { ReadTx, Store, Tx } from '../../../electron/store/open-store';
import { rawTx } from '../../../electron/store/raw-tx';
import { recordRead, updateRecord } from '../../../electron/store/record-door';
import { AppError } from '../../../shared/errors/app-error';
import { enrolPatient, openTempDesk, type TempDesk } from '../../support/temp-desk';

/**
 * ARCHITECTURE rule 4 as the compiler sees it (the model: Signal Desktop's ReadableDB and
 * WritableDB). `npm run check` type-checks this file, so each `@ts-expect-error` below fails the
 * check the day a service's handle can run SQL that writes. The runs show the same at run time.
 */
type ServiceStore = ServiceContext['store'];
type ServiceTx = Parameters<Parameters<ServiceStore['transaction']>[0]>[0];
type ServiceReadTx = Parameters<Parameters<ServiceStore['read']>[0]>[0];

let desk: TempDesk;
let store: ServiceStore;
beforeAll(async () => {
  desk = await openTempDesk();
  store = desk.ctx.store;
});
afterAll(() => desk.cleanup());

describe('the door is a type (ARCHITECTURE rule 4)', () => {
  it('gives a service handles that read and none that run SQL', () => {
    expectTypeOf<ServiceTx>().toEqualTypeOf<Tx>();
    expectTypeOf<ServiceReadTx>().toEqualTypeOf<ReadTx>();
    for (const method of ['get', 'all', 'iterate'] as const) {
      expectTypeOf<ServiceTx>().toHaveProperty(method);
      expectTypeOf<ServiceReadTx>().toHaveProperty(method);
    }
    expectTypeOf<ServiceTx>().not.toHaveProperty('run');
    expectTypeOf<ServiceTx>().not.toHaveProperty('query');
    expectTypeOf<ServiceReadTx>().not.toHaveProperty('run');
    expectTypeOf<ServiceStore>().not.toHaveProperty('knex');
    // A read handle cannot pass for a write transaction: the door takes only a Tx.
    expectTypeOf<ReadTx>().not.toMatchTypeOf<Tx>();
    expectTypeOf<Store>().toEqualTypeOf<ServiceStore>();
  });

  it('lets a service read in either handle', () => {
    expect(store.read((tx) => tx.get<{ one: number }>('SELECT 1 AS one'))).toEqual({ one: 1 });
    expect(store.transaction((tx) => tx.all<{ one: number }>('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
    expect(store.read((tx) => [...tx.iterate<{ one: number }>('SELECT 1 AS one')])).toEqual([{ one: 1 }]);
  });

  it('refuses a raw write from a service, at compile time and at run time', () => {
    const before = store.read((tx) => tx.get<{ n: number }>('SELECT count(*) AS n FROM audit_events'));
    store.transaction((tx) => {
      // @ts-expect-error a service's transaction has no statement runner
      expect(() => tx.run('DELETE FROM audit_events')).toThrow(TypeError);
      // @ts-expect-error nor a knex query runner
      expect(() => tx.query('DELETE FROM audit_events')).toThrow(TypeError);
      // A read that would write (rows returned through RETURNING) is refused before it runs.
      expect(() => tx.get('DELETE FROM audit_events RETURNING id')).toThrow(/may not run a statement that writes/);
      expect(() => tx.all('DELETE FROM audit_events RETURNING id')).toThrow(/may not run a statement that writes/);
      expect(() => [...tx.iterate('DELETE FROM audit_events RETURNING id')]).toThrow(/may not run a statement that/);
    });
    store.read((tx) => {
      // @ts-expect-error a read handle has no statement runner either
      expect(() => tx.run('DELETE FROM audit_events')).toThrow(TypeError);
    });
    // @ts-expect-error the store hands out no write-capable knex
    expect(store.knex).toBeUndefined();
    expect(store.read((tx) => tx.get<{ n: number }>('SELECT count(*) AS n FROM audit_events'))).toEqual(before);
  });

  it('keeps a read handle out of the door and out of the per-desk writers', () => {
    const at = desk.ctx.clock.now().toISOString();
    store.read((tx) => {
      // @ts-expect-error the door takes a write transaction
      expect(() => recordRead({ tx, actor: desk.ctx.actor, at }, 'patients.read', { action: 'test.read' })).toThrow(
        /Not a write transaction/,
      );
      // @ts-expect-error so does every named writer
      expect(() => writeSetting(tx, 'test.key', 1)).toThrow(/Not a write transaction/);
      // Reads that take a ReadTx accept it.
      expect(readSetting(tx, 'test.key')).toBeUndefined();
    });
    // Casting a read handle does not reach the runner: only the store's own transaction has one.
    expect(() => store.read((tx) => rawTx(tx as Tx))).toThrow(/Not a write transaction/);
  });

  it('writes a synced row only through the door, which names the table when the row is missing', async () => {
    const door = (tx: Tx) => ({ tx, actor: desk.ctx.actor, at: desk.ctx.clock.now().toISOString() });
    const id = await enrolPatient(desk, {});
    const changed = store.transaction((tx) =>
      updateRecord(
        door(tx),
        'patients.write',
        'patients',
        id,
        { phone: '+79161234500' },
        {
          action: 'test.updated',
          patientId: 'self',
        },
      ),
    );
    expect(changed).toEqual({ changed: ['phone'] });
    const kept = store.read((tx) => ({
      history: tx.all('SELECT version FROM row_history WHERE row_id = ?', [id]),
      outbox: tx.all('SELECT base_version FROM sync_outbox WHERE row_id = ? ORDER BY seq', [id]),
    }));
    expect(kept).toEqual({ history: [{ version: 0 }], outbox: [{ base_version: 0 }, { base_version: 0 }] });
    const missing = '0190a000-0000-7000-8000-0000000000ff';
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof AppError ? { code: error.code, params: error.params } : error;
      }
      return undefined;
    };
    const update = (table: 'patients' | 'consents' | 'online_identity') =>
      codeOf(() =>
        store.transaction((tx) => updateRecord(door(tx), 'patients.write', table, missing, {}, { action: 'test.set' })),
      );
    expect(update('patients')).toEqual({ code: 'patient.not_found', params: {} });
    expect(update('consents')).toEqual({ code: 'consent.not_found', params: {} });
    expect(update('online_identity')).toEqual({ code: 'store.record.not_found', params: { table: 'online_identity' } });
  });
});
