import type { Knex } from 'knex';

/**
 * Second factors kept sealed on the server (issue 10, item 2). TOTP secrets are sealed with a key
 * derived from the server key (server/otp/secret-box.ts) and checked here; recovery codes are kept
 * as HMAC-SHA-256 under a server-held pepper and spent here, once for every desk; wrong codes are
 * counted per person so guessing online is bounded.
 *
 * Data move: until now `totp_secret` travelled in clear inside the synced `staff` rows and
 * recovery codes as unsalted SHA-256 inside `recovery_codes` rows. A migration has no server key,
 * so a clear secret is moved into `staff_totp.legacy_secret` and sealed when the server next
 * starts (`sealLegacyTotpSecrets`, before it answers anything); the clear fields are removed from
 * the current rows and from every logged change. SHA-256 codes cannot be re-hashed: their owners
 * are marked `must_renew_recovery_codes` and the hashes are removed (the old codes stop working).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('staff_totp', (table) => {
    table.text('staff_id').primary();
    table.text('secret_sealed');
    table.timestamp('enrolled_at', { useTz: true });
    // The last accepted step: only later steps pass, at every desk at once.
    table.bigInteger('last_step');
    // A new secret waiting for its first code (the enrolling person's screen showed its URI).
    table.text('pending_sealed');
    table.timestamp('pending_at', { useTz: true });
    // A secret moved out of the synced rows, in clear until the server seals it at start.
    table.text('legacy_secret');
  });

  await knex.schema.createTable('staff_recovery_codes', (table) => {
    table.bigIncrements('id').primary();
    table.text('staff_id').notNullable();
    // HMAC-SHA-256(pepper, normalised code), hex; the pepper never leaves the server.
    table.text('code_mac').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('used_at', { useTz: true });
    table.uuid('used_device_id');
    table.timestamp('revoked_at', { useTz: true });
  });
  await knex.raw('CREATE INDEX staff_recovery_codes_staff ON staff_recovery_codes (staff_id, code_mac)');

  // Per person: wrong codes in a row and the lock they lead to (the desk's lockout rules).
  await knex.schema.createTable('staff_factor_state', (table) => {
    table.text('staff_id').primary();
    table.integer('failed_attempts').notNullable().defaultTo(0);
    table.timestamp('last_failed_at', { useTz: true });
    table.timestamp('locked_until', { useTz: true });
    table.boolean('must_renew_recovery_codes').notNullable().defaultTo(false);
  });

  await knex.raw(`
    INSERT INTO staff_totp (staff_id, legacy_secret, enrolled_at, last_step)
    SELECT id, data->>'totp_secret', (data->>'totp_enrolled_at')::timestamptz, (data->>'totp_last_step')::bigint
    FROM records WHERE table_name = 'staff' AND coalesce(data->>'totp_secret', '') <> ''`);
  await knex.raw(`
    INSERT INTO staff_factor_state (staff_id, must_renew_recovery_codes)
    SELECT DISTINCT data->>'staff_id', true FROM records
    WHERE table_name = 'recovery_codes' AND data->>'code_hash' IS NOT NULL
      AND data->>'used_at' IS NULL AND data->>'revoked_at' IS NULL
    ON CONFLICT (staff_id) DO NOTHING`);
  for (const [tableName, fields] of [
    ['staff', ['totp_secret', 'totp_last_step']],
    ['recovery_codes', ['code_hash']],
  ] as const) {
    const drop = fields.map((field) => `- '${field}'`).join(' ');
    await knex.raw(
      `UPDATE records SET data = data ${drop}, field_versions = field_versions ${drop} WHERE table_name = ?`,
      [tableName],
    );
    await knex.raw(`UPDATE change_log SET data = data ${drop} WHERE table_name = ?`, [tableName]);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('staff_factor_state');
  await knex.schema.dropTable('staff_recovery_codes');
  await knex.schema.dropTable('staff_totp');
}
