import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrationSource } from '../../../server/db/migrations';
import { upTo, useEmptyDatabases } from './migration-db';

const emptyDb = useEmptyDatabases('medcard_0004');
const at = new Date('2026-11-20T09:00:00.000Z');

describe('server migration 0004: a server that had no clinics', () => {
  it('gives every row it had to the default clinic, so a single-clinic install goes on as it was', async () => {
    const db = await emptyDb();
    await db.migrate.latest({ migrationSource: upTo('0003-portal-identity') });
    const device = randomUUID();
    await db('devices').insert({ id: device, name: 'Регистратура 1', public_key: 'AAAA', enrolled_at: at });
    const data = { surname: 'Иванова', name: 'Анна' };
    await db('records').insert({
      table_name: 'patients',
      id: 'p-1',
      version: 1,
      data,
      field_versions: { surname: 1, name: 1 },
      updated_at: at,
    });
    await db('change_log').insert({ table_name: 'patients', row_id: 'p-1', version: 1, data, device_id: device, at });
    await db('blobs').insert({ sha256: 'a'.repeat(64), received: 0, complete: false, created_at: at });

    await db.migrate.latest({ migrationSource });

    const clinics = await db('clinics').select('id', 'name');
    expect(clinics).toHaveLength(1);
    const [clinic] = clinics as Array<{ id: string; name: string }>;
    const meta = await db('server_meta').where({ key: 'default_clinic_id' }).first<{ value: string }>('value');
    expect(meta?.value).toBe(clinic!.id);
    for (const table of ['devices', 'records', 'change_log', 'blobs']) {
      const rows = await db(table).select<Array<{ clinic_id: string }>>('clinic_id');
      expect(
        rows.map((row) => row.clinic_id),
        `${table} rows belong to the default clinic`,
      ).toEqual([clinic!.id]);
    }
    // Nothing of the row itself changed on the way.
    const record = await db('records')
      .where({ id: 'p-1' })
      .first<{ data: unknown; version: unknown }>('data', 'version');
    expect(record?.data).toEqual(data);
    expect(Number(record?.version)).toBe(1);
  }, 180_000);
});
