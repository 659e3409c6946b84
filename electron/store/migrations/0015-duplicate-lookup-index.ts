import type { Knex } from 'knex';

/**
 * The duplicate check while the clerk types (B2) screens everyone born that day by their folded
 * surname and first name. This index answers that from itself — the live cards of one birth
 * date sit in one or two index pages — so only the few that pass are read from the table.
 * Partial, like the query (`deleted_at IS NULL AND merged_into IS NULL`); the two columns are in
 * it all the same (always null, so nearly free) because SQLite reads a partial index's condition
 * from the index's columns before it counts the index as covering.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX patients_birth_names ON patients (birth_date, surname_fold, name_fold, deleted_at, merged_into)
     WHERE deleted_at IS NULL AND merged_into IS NULL`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX patients_birth_names');
}
