import type { Knex } from 'knex';
import { newId } from '../ids';

/**
 * Staff accounts sync clinic-wide (shared/sync/protocol.ts: staff, staff_keys, recovery_codes).
 * `staff` already carries the sync columns. `staff_keys` gets the ones it lacks, and its
 * `public_key` becomes base64url text, the form the key travels in (the column keeps its BLOB
 * declaration: SQLite stores the text as text). `recovery_codes` had an integer id: it is rebuilt
 * with UUIDv7 ids, keeping every code. Its link to `staff` is not a foreign key any more: a
 * first sync's snapshot is paged by table name, and `recovery_codes` sorts before `staff`.
 *
 * Rows made before this migration get version 0 and no outbox entry: staff sign-in was not
 * wired into any host before it, so no desk has people to send.
 */
export async function up(knex: Knex): Promise<void> {
  const self = await knex('devices').where({ is_self: 1 }).first<{ id: string } | undefined>('id');
  const deviceId = self?.id ?? '';

  await knex.raw('ALTER TABLE staff_keys ADD COLUMN version INTEGER NOT NULL DEFAULT 0');
  for (const column of ['updated_at', 'updated_by', 'device_id']) {
    await knex.raw(`ALTER TABLE staff_keys ADD COLUMN ${column} TEXT NOT NULL DEFAULT ''`);
  }
  await knex.raw('UPDATE staff_keys SET updated_at = coalesce(revoked_at, created_at), updated_by = coalesce(revoked_by, created_by), device_id = ?', [
    deviceId,
  ]);
  const keys = await knex('staff_keys').whereNotNull('public_key').select<{ id: string; public_key: unknown }[]>('id', 'public_key');
  for (const key of keys) {
    if (key.public_key instanceof Uint8Array) {
      await knex('staff_keys').where({ id: key.id }).update({ public_key: Buffer.from(key.public_key).toString('base64url') });
    }
  }

  await knex.raw(`
    CREATE TABLE recovery_codes_synced (
      id TEXT PRIMARY KEY,
      version INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      device_id TEXT NOT NULL,
      staff_id TEXT NOT NULL,
      code_hash TEXT NOT NULL,
      used_at TEXT,
      -- A newer set was issued: the code no longer works (rows are never deleted, so that this travels).
      revoked_at TEXT,
      UNIQUE (staff_id, code_hash)
    )`);
  const codes = await knex('recovery_codes')
    .orderBy('id')
    .select<{ staff_id: string; code_hash: string; created_at: string; used_at: string | null }[]>('staff_id', 'code_hash', 'created_at', 'used_at');
  for (const code of codes) {
    await knex('recovery_codes_synced').insert({
      id: newId(),
      version: 0,
      created_at: code.created_at,
      created_by: code.staff_id,
      updated_at: code.used_at ?? code.created_at,
      updated_by: code.staff_id,
      device_id: deviceId,
      staff_id: code.staff_id,
      code_hash: code.code_hash,
      used_at: code.used_at,
      revoked_at: null,
    });
  }
  await knex.raw('DROP TABLE recovery_codes');
  await knex.raw('ALTER TABLE recovery_codes_synced RENAME TO recovery_codes');
  await knex.raw('CREATE INDEX recovery_codes_staff ON recovery_codes (staff_id)');
}

export async function down(): Promise<void> {
  throw new Error('Staff sync columns are not removed: rows already on the server would lose their ids.');
}
