import type { Knex } from 'knex';

/** YubiKey OTP validation (YK-VAL 2.0): keys, the clients allowed to ask, and the audit trail. */
export async function up(knex: Knex): Promise<void> {
  // Who may call /wsapi/2.0/verify: YK-VAL clients sign with an API key the server must hold
  // (the HMAC is computed both ways), so it is sealed, not hashed.
  await knex.schema.createTable('yubikey_clients', (table) => {
    table.increments('id').primary();
    table.text('api_key_sealed').notNullable();
    // The desk it was issued to, if any: revoking that device also stops its YubiKey checks.
    table.uuid('device_id').references('devices.id');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('revoked_at', { useTz: true });
  });

  await knex.schema.createTable('yubikeys', (table) => {
    table.text('public_id').primary();
    // Both secrets sealed with a key derived from the server key (otp/secret-box.ts).
    table.text('private_id_sealed').notNullable();
    table.text('aes_key_sealed').notNullable();
    table.text('staff_id').notNullable();
    table.text('name');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('revoked_at', { useTz: true });
    // The last accepted (usage counter, session use); -1 until the key's first OTP. An OTP is
    // accepted only above it, in one conditional UPDATE (otp/yubikeys.ts).
    table.integer('last_usage_counter').notNullable().defaultTo(-1);
    table.integer('last_session_use').notNullable().defaultTo(-1);
    // With the counters, tells a resent request (REPLAYED_REQUEST) from a replayed OTP.
    table.text('last_nonce');
    table.integer('last_client_id').references('yubikey_clients.id');
    table.timestamp('last_used_at', { useTz: true });
  });
  await knex.raw('CREATE INDEX yubikeys_staff_id ON yubikeys (staff_id)');

  // Every verification, accepted or not. Ids are the ones claimed by the request (an unknown
  // public id or client is worth recording too), hence no foreign keys.
  await knex.schema.createTable('yubikey_verifications', (table) => {
    table.bigIncrements('id').primary();
    table.text('public_id');
    table.integer('client_id');
    table.text('status').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
  });
  await knex.raw('CREATE INDEX yubikey_verifications_public_id ON yubikey_verifications (public_id, at)');
  await knex.raw('CREATE INDEX yubikey_verifications_at ON yubikey_verifications (at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('yubikey_verifications');
  await knex.schema.dropTable('yubikeys');
  await knex.schema.dropTable('yubikey_clients');
}
