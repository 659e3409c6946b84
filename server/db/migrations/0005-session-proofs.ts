import type { Knex } from 'knex';

/**
 * Proof of who made a synced change (issue 10, item 1; server/sync/proof/). A session statement
 * whose proof (the person's WebAuthn assertion or the server's ticket) has been verified once is
 * kept here, so the assertion is not verified again on every push that names the session: a later
 * push naming the same session id must carry the very same statement, byte for byte.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('verified_sessions', (table) => {
    table.uuid('session_id').primary();
    table.uuid('staff_id').notNullable().index();
    table.uuid('device_id').notNullable();
    // statementText(statement): what was verified.
    table.text('statement').notNullable();
    table.text('proof_kind').notNullable();
    table.timestamp('verified_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('verified_sessions');
}
