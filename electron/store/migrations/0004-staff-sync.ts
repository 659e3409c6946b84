import type { Knex } from 'knex';
import { newId } from '../ids';

/**
 * Staff accounts sync clinic-wide (shared/sync/protocol.ts: staff, staff_keys, recovery_codes).
 * `staff` already carries the sync columns. `staff_keys` and `recovery_codes` are rebuilt as
 * synced rows, keeping every key and code: the keys get the sync columns they lacked and their
 * `public_key` becomes base64url text, the form it travels in; the codes, which had an integer
 * id, get UUIDv7 ids. Neither links to `staff` by a foreign key any more: pulled rows arrive in
 * the server's order, not the schema's — a first sync's snapshot is paged by table name
 * (`recovery_codes` sorts before `staff`), and a person changed while a desk pages through it
 * comes by the log after the snapshot, later than their keys.
 *
 * Rows made before this migration get version 0 and no outbox entry: staff sign-in was not
 * wired into any host before it, so no desk has people to send.
 */
export async function up(knex: Knex): Promise<void> {
  const self = await knex('devices').where({ is_self: 1 }).first<{ id: string } | undefined>('id');
  const deviceId = self?.id ?? '';

  await knex.raw(`
    CREATE TABLE staff_keys_synced (
      id TEXT PRIMARY KEY,
      version INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      device_id TEXT NOT NULL,
      staff_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('webauthn', 'yubikey-otp')),
      name TEXT NOT NULL,
      -- WebAuthn: the credential id (base64url), COSE public key (base64url text), transports (JSON).
      credential_id TEXT UNIQUE,
      public_key TEXT,
      -- Per desk, never synced: the signature counter this desk last saw, and its last use here.
      counter INTEGER NOT NULL DEFAULT 0,
      last_used_at TEXT,
      transports TEXT,
      aaguid TEXT,
      -- YubiKey OTP: the key's public id (12 modhex characters); its counters live on the server.
      yubikey_public_id TEXT,
      revoked_at TEXT,
      revoked_by TEXT,
      CHECK (
        (kind = 'webauthn' AND credential_id IS NOT NULL AND public_key IS NOT NULL)
        OR (kind = 'yubikey-otp' AND yubikey_public_id IS NOT NULL)
      )
    )`);
  const keys = await knex('staff_keys').orderBy('created_at').select<Record<string, unknown>[]>('*');
  for (const key of keys) {
    await knex('staff_keys_synced').insert({
      ...key,
      version: 0,
      updated_at: key.revoked_at ?? key.created_at,
      updated_by: key.revoked_by ?? key.created_by,
      device_id: deviceId,
      public_key:
        key.public_key instanceof Uint8Array ? Buffer.from(key.public_key).toString('base64url') : key.public_key,
    });
  }
  await knex.raw('DROP TABLE staff_keys');
  await knex.raw('ALTER TABLE staff_keys_synced RENAME TO staff_keys');
  await knex.raw('CREATE INDEX staff_keys_staff ON staff_keys (staff_id)');
  await knex.raw(
    'CREATE UNIQUE INDEX staff_keys_yubikey ON staff_keys (yubikey_public_id) WHERE yubikey_public_id IS NOT NULL AND revoked_at IS NULL',
  );

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
    .select<{ staff_id: string; code_hash: string; created_at: string; used_at: string | null }[]>(
      'staff_id',
      'code_hash',
      'created_at',
      'used_at',
    );
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
