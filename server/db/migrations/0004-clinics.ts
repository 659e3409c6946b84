import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

/**
 * Clinics (issue 10, item 6). Every table holding a clinic's data names its clinic; the rows a
 * server already has belong to the default clinic made here, so a single-clinic install keeps
 * working with no step of its own. The clinic is also the key the server will be spread by
 * (server/README.md, "Clinics").
 */
const scopedTables = [
  'devices',
  'enrol_codes',
  'records',
  'change_log',
  'mutations',
  'portal_identity_attempts',
  'portal_access_checks',
] as const;

/**
 * YubiKey OTP tables (server/otp): their rows are filled by commands that do not name a clinic
 * yet, so they default to the first clinic until those commands take one.
 */
const defaultedTables = ['yubikeys', 'yubikey_clients'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('clinics', (table) => {
    table.uuid('id').primary();
    table.text('name').notNullable();
    // SHA-256 (hex) of the clinic's portal token; the default clinic's may instead come from
    // MEDCARD_PORTAL_TOKEN (server/portal/portal-auth.ts).
    table.text('portal_token_sha256').unique();
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
  const defaultClinic = randomUUID();
  await knex('clinics').insert({ id: defaultClinic, name: 'default', created_at: new Date() });
  await knex('server_meta').insert({ key: 'default_clinic_id', value: defaultClinic });

  for (const name of [...scopedTables, ...defaultedTables]) {
    await knex.raw(`ALTER TABLE ${name} ADD COLUMN clinic_id uuid REFERENCES clinics (id)`);
    await knex(name).update({ clinic_id: defaultClinic });
    await knex.raw(`ALTER TABLE ${name} ALTER COLUMN clinic_id SET NOT NULL`);
  }
  for (const name of defaultedTables) {
    await knex.raw(`ALTER TABLE ${name} ALTER COLUMN clinic_id SET DEFAULT '${defaultClinic}'`);
  }

  // Blobs are content-addressed per clinic: the same content uploaded by two clinics is two blobs,
  // and a hash names a blob only within its clinic.
  await knex.raw('ALTER TABLE blob_chunks DROP CONSTRAINT blob_chunks_sha256_foreign');
  await knex.raw('ALTER TABLE blob_chunks DROP CONSTRAINT blob_chunks_pkey');
  await knex.raw('ALTER TABLE blobs DROP CONSTRAINT blobs_pkey');
  for (const name of ['blobs', 'blob_chunks']) {
    await knex.raw(`ALTER TABLE ${name} ADD COLUMN clinic_id uuid REFERENCES clinics (id)`);
    await knex(name).update({ clinic_id: defaultClinic });
    await knex.raw(`ALTER TABLE ${name} ALTER COLUMN clinic_id SET NOT NULL`);
  }
  await knex.raw('ALTER TABLE blobs ADD PRIMARY KEY (clinic_id, sha256)');
  await knex.raw('ALTER TABLE blob_chunks ADD PRIMARY KEY (clinic_id, sha256, "offset")');
  await knex.raw(
    `ALTER TABLE blob_chunks ADD CONSTRAINT blob_chunks_blob_foreign FOREIGN KEY (clinic_id, sha256)
     REFERENCES blobs (clinic_id, sha256) ON DELETE CASCADE`,
  );
  // Who started an unfinished upload and when it last grew: unfinished uploads per device are
  // capped, and expire when left alone (blobs/upload-limits.ts).
  await knex.raw('ALTER TABLE blobs ADD COLUMN device_id uuid REFERENCES devices (id)');
  await knex.raw('ALTER TABLE blobs ADD COLUMN touched_at timestamptz');
  await knex.raw('UPDATE blobs SET touched_at = coalesce(completed_at, created_at)');
  await knex.raw('ALTER TABLE blobs ALTER COLUMN touched_at SET NOT NULL');
  await knex.raw('CREATE INDEX blobs_unfinished_device ON blobs (device_id) WHERE NOT complete');
  await knex.raw('CREATE INDEX blobs_unfinished_touched ON blobs (touched_at) WHERE NOT complete');

  // A desk reads its clinic's log and rows only.
  await knex.raw('CREATE INDEX change_log_clinic_seq ON change_log (clinic_id, seq)');
  await knex.raw('CREATE INDEX records_clinic_table_id ON records (clinic_id, table_name, id)');
}

export async function down(): Promise<void> {
  throw new Error('Clinics are not reversible: rows would lose the clinic they belong to.');
}
