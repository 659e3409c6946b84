import type { Knex } from 'knex';

/**
 * The desk's backups (issue 15, G4): their history and restore drills, per desk (never synced).
 * `kind` is 'backup' or 'drill'; `ok` the verdict of the verification (a backup) or of the whole
 * drill; `report` the verdict's facts as JSON (counts, chain, problems).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('backup_log', (table) => {
    table.text('id').primary();
    table.text('kind').notNullable();
    table.text('file').notNullable();
    table.text('at').notNullable();
    table.integer('ok').notNullable();
    table.integer('size').notNullable();
    table.integer('duration_ms').notNullable();
    table.text('report').notNullable();
    table.index(['kind', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('backup_log');
}
