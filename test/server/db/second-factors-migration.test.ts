import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { migrationSource } from '../../../server/db/migrations';
import { factorKeys } from '../../../server/staff/second-factors/factor-keys';
import { checkTotp, sealLegacyTotpSecrets } from '../../../server/staff/second-factors/server-totp';
import { totpCodeAt } from '../../../shared/auth/totp';
import { upTo, useEmptyDatabases } from './migration-db';

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const at = new Date('2026-11-20T09:00:00.000Z');
const emptyDb = useEmptyDatabases('medcard_0006');
// Two migrations runs on PGlite per test: minutes on a loaded machine.
const migrating = 180_000;
let db: Knex | undefined;

/** A server before 0006: a person's TOTP secret in clear in their synced row, SHA-256 codes in theirs. */
async function serverBefore0006(): Promise<Knex> {
  const knex = await emptyDb();
  await knex.migrate.latest({ migrationSource: upTo('0005-session-proofs') });
  const clinic = await knex('server_meta').where({ key: 'default_clinic_id' }).first<{ value: string }>('value');
  const row = async (table: string, id: string, data: Record<string, unknown>) => {
    const versions = Object.fromEntries(Object.keys(data).map((field) => [field, 1]));
    const common = { table_name: table, version: 1, data, clinic_id: clinic!.value };
    await knex('records').insert({ ...common, id, field_versions: versions, updated_at: at });
    await knex('change_log').insert({ ...common, row_id: id, at });
  };
  await row('staff', 'p-1', {
    login: 'anna',
    active: 1,
    totp_secret: secret,
    totp_enrolled_at: at.toISOString(),
    totp_last_step: 100,
  });
  await row('staff', 'p-2', { login: 'boris', active: 1 });
  const sha = (code: string) => createHash('sha256').update(code).digest('hex');
  await row('recovery_codes', 'c-1', {
    staff_id: 'p-1',
    code_hash: sha('AAAAA-BBBBB'),
    used_at: null,
    revoked_at: null,
  });
  // Boris's only code is spent: nothing of his is lost, he is not asked to renew.
  await row('recovery_codes', 'c-2', {
    staff_id: 'p-2',
    code_hash: sha('CCCCC-DDDDD'),
    used_at: at.toISOString(),
    revoked_at: null,
  });
  await knex.migrate.latest({ migrationSource });
  return knex;
}

describe('server migration 0006: second factors leave the synced rows', () => {
  it(
    'moves a clear TOTP secret out of every row and logged change; the server seals it at start',
    async () => {
      db = await serverBefore0006();
      const texts = [
        JSON.stringify(await db('records').select('data', 'field_versions')),
        JSON.stringify(await db('change_log').select('data')),
      ];
      for (const text of texts) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain('totp_last_step');
        expect(text).not.toContain('code_hash');
      }
      expect(await db('records').where({ table_name: 'staff', id: 'p-1' }).first('data')).toMatchObject({
        data: { login: 'anna', totp_enrolled_at: at.toISOString() },
      });
      expect(await db('staff_totp').select('staff_id', 'legacy_secret', 'last_step')).toEqual([
        { staff_id: 'p-1', legacy_secret: secret, last_step: expect.anything() },
      ]);

      const { sealKey } = factorKeys(randomBytes(32));
      expect(await sealLegacyTotpSecrets(db, sealKey)).toBe(1);
      const sealed = await db('staff_totp').where({ staff_id: 'p-1' }).first('legacy_secret', 'secret_sealed');
      expect(sealed.legacy_secret).toBeNull();
      expect(sealed.secret_sealed).not.toContain(secret);
      // The person's app keeps working, now checked against the sealed secret.
      const now = new Date();
      const check = await db.transaction((trx) => checkTotp(trx, sealKey, 'p-1', totpCodeAt(secret, now), now));
      expect(check.ok).toBe(true);
    },
    migrating,
  );

  it(
    'removes SHA-256 recovery codes and flags their owners to renew (a spent set asks nothing)',
    async () => {
      db = await serverBefore0006();
      expect(await db('staff_factor_state').select('staff_id', 'must_renew_recovery_codes')).toEqual([
        { staff_id: 'p-1', must_renew_recovery_codes: true },
      ]);
      const [count] = await db('staff_recovery_codes').count<{ n: string | number }[]>('id as n');
      expect(Number(count?.n)).toBe(0);
      const codes = await db('records').where({ table_name: 'recovery_codes' }).orderBy('id').select('data');
      expect(codes.map((row: { data: Record<string, unknown> }) => Object.keys(row.data).sort())).toEqual([
        ['revoked_at', 'staff_id', 'used_at'],
        ['revoked_at', 'staff_id', 'used_at'],
      ]);
    },
    migrating,
  );
});
