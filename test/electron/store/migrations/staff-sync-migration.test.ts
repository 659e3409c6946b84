import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import * as initial from '../../../../electron/store/migrations/0001-initial';
import * as sync from '../../../../electron/store/migrations/0002-sync';
import * as staffAuth from '../../../../electron/store/migrations/0003-staff-auth';
import { openStore } from '../../../../electron/store/open-store';
import { knexOnConnection } from '../../../../electron/store/sqlcipher-knex';

const before0004 = [
  { name: '0001-initial', ...initial },
  { name: '0002-sync', ...sync },
  { name: '0003-staff-auth', ...staffAuth },
];
const source: Knex.MigrationSource<(typeof before0004)[number]> = {
  getMigrations: async () => before0004,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A desk's database as it was before staff synced, with a person, their key and codes. */
async function deskBefore0004(path: string): Promise<void> {
  const db = new Database(path);
  const knex = knexOnConnection(db);
  await knex.migrate.latest({ migrationSource: source, tableName: 'schema_migrations' });
  const at = '2026-11-20T09:00:00.000Z';
  db.prepare("INSERT INTO devices (id, name, is_self, created_at) VALUES ('dev-1', 'desk', 1, ?)").run(at);
  db.prepare(
    `INSERT INTO staff (id, created_at, created_by, updated_at, updated_by, device_id, login, display_name, role, kind)
     VALUES ('p-1', ?, 'p-1', ?, 'p-1', 'dev-1', 'anna', 'Анна', 'clerk', 'person')`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO staff_keys (id, staff_id, kind, name, credential_id, public_key, counter, created_at, created_by)
     VALUES ('k-1', 'p-1', 'webauthn', 'Синий', 'cred-1', ?, 7, ?, 'p-1')`,
  ).run(Buffer.from([0xa5, 0x01, 0x02, 0xff]), at);
  const code = db.prepare('INSERT INTO recovery_codes (staff_id, code_hash, created_at, used_at) VALUES (?, ?, ?, ?)');
  code.run('p-1', 'hash-1', at, null);
  code.run('p-1', 'hash-2', at, '2026-11-21T09:00:00.000Z');
  await knex.destroy();
  db.close();
}

describe('migration 0004: staff keys and recovery codes become synced rows', () => {
  it('keeps every recovery code, used or not, under a UUIDv7 id, and the key’s public key as base64url', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medcard-0004-'));
    dirs.push(dir);
    const path = join(dir, 'desk.db');
    await deskBefore0004(path);
    const store = await openStore({ path, key: null, create: false });
    try {
      const codes = store.transaction((tx) =>
        tx.all<Record<string, unknown>>(
          'SELECT id, version, staff_id, code_hash, used_at, revoked_at, created_by, device_id FROM recovery_codes ORDER BY code_hash',
        ),
      );
      expect(codes).toEqual([
        expect.objectContaining({
          version: 0,
          staff_id: 'p-1',
          code_hash: 'hash-1',
          used_at: null,
          // Retired since by migration 0019 on this lone desk: a SHA-256 code matches nothing now.
          revoked_at: expect.any(String),
          created_by: 'p-1',
          device_id: 'dev-1',
        }),
        expect.objectContaining({ staff_id: 'p-1', code_hash: 'hash-2', used_at: '2026-11-21T09:00:00.000Z' }),
      ]);
      for (const code of codes) expect(code.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
      const key = store.transaction((tx) =>
        tx.get<Record<string, unknown>>('SELECT public_key, counter, version, updated_by, device_id FROM staff_keys'),
      );
      expect(key).toEqual({
        public_key: Buffer.from([0xa5, 0x01, 0x02, 0xff]).toString('base64url'),
        counter: 7,
        version: 0,
        updated_by: 'p-1',
        device_id: 'dev-1',
      });
    } finally {
      await store.close();
    }
  });
});
