import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('server_meta', (table) => {
    table.text('key').primary();
    table.text('value').notNullable();
  });
  // Told to every enrolling device, so a desk can notice it was pointed at another server.
  await knex('server_meta').insert({ key: 'server_id', value: randomUUID() });

  await knex.schema.createTable('devices', (table) => {
    table.uuid('id').primary();
    table.text('name').notNullable();
    // Ed25519, SPKI DER in base64. Unique: one key is one device.
    table.text('public_key').notNullable().unique();
    table.timestamp('enrolled_at', { useTz: true }).notNullable();
    table.timestamp('revoked_at', { useTz: true });
  });

  await knex.schema.createTable('enrol_codes', (table) => {
    // SHA-256 of the normalised code: the code itself is only ever printed, never stored.
    table.text('code_hash').primary();
    table.text('name');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('used_at', { useTz: true });
    table.uuid('device_id').references('devices.id');
  });

  // Nonces of accepted requests; kept a little longer than a request's time can be accepted.
  await knex.schema.createTable('request_nonces', (table) => {
    table.uuid('device_id').notNullable().references('devices.id');
    table.text('nonce').notNullable();
    table.timestamp('seen_at', { useTz: true }).notNullable();
    table.primary(['device_id', 'nonce']);
  });
  await knex.raw('CREATE INDEX request_nonces_seen_at ON request_nonces (seen_at)');

  // The current state of every synced row, whatever its table (the server is generic).
  await knex.schema.createTable('records', (table) => {
    table.text('table_name').notNullable();
    table.text('id').notNullable();
    // The seq of the row's last change in change_log.
    table.bigInteger('version').notNullable();
    table.jsonb('data').notNullable();
    // field → seq of the change that last set it; how overlapping edits are recognised.
    table.jsonb('field_versions').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['table_name', 'id']);
  });
  await knex.raw('CREATE INDEX records_version ON records (version)');

  // Every change ever applied, in commit order (appends are serialised, see sync/change-log.ts).
  await knex.schema.createTable('change_log', (table) => {
    table.bigIncrements('seq').primary();
    table.text('table_name').notNullable();
    table.text('row_id').notNullable();
    table.bigInteger('version').notNullable();
    // The row's whole state after the change.
    table.jsonb('data').notNullable();
    table.uuid('device_id');
    table.uuid('mutation_id');
    // Who made the change on the desk and when the desk says it was (the conflict record's
    // "server side" is read from here).
    table.text('actor_id');
    table.text('actor_at');
    table.timestamp('at', { useTz: true }).notNullable();
  });

  // One row per applied mutation: what makes a retried push idempotent.
  await knex.schema.createTable('mutations', (table) => {
    table.uuid('mutation_id').primary();
    table.uuid('device_id').notNullable().references('devices.id');
    // SHA-256 of the mutation as first received: the same id with other content is refused.
    table.text('digest').notNullable();
    table.jsonb('result').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('blobs', (table) => {
    table.text('sha256').primary();
    table.bigInteger('received').notNullable().defaultTo(0);
    table.boolean('complete').notNullable().defaultTo(false);
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('completed_at', { useTz: true });
  });
  // Each chunk sealed on its own (AES-256-GCM), so uploads resume and ranges decrypt in part.
  await knex.schema.createTable('blob_chunks', (table) => {
    table.text('sha256').notNullable().references('blobs.sha256').onDelete('CASCADE');
    table.bigInteger('offset').notNullable();
    table.integer('length').notNullable();
    table.text('key_id').notNullable();
    table.binary('iv').notNullable();
    table.binary('tag').notNullable();
    table.binary('ciphertext').notNullable();
    table.primary(['sha256', 'offset']);
  });
}

export async function down(): Promise<void> {
  throw new Error('The initial server schema is not reversible: synced data is never dropped.');
}
