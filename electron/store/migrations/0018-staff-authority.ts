import type { Knex } from 'knex';

/**
 * A person's row the server refused to take (issue 10): a local "first admin" made on a desk
 * already enrolled elsewhere, or a clerk such an admin created. The desk keeps the row (its
 * history and audit stay) but marks why the server refused it; sign-in and every call then treat
 * the person as inactive. Per desk, never synced: the server has no such row.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('staff', (table) => {
    table.text('server_refused_code');
    table.text('server_refused_at');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('staff', (table) => {
    table.dropColumn('server_refused_at');
    table.dropColumn('server_refused_code');
  });
}
