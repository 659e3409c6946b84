import type { Knex } from 'knex';

/**
 * The patient's address (B1: the paper form's «Адрес»), one line of text as the clerk types it.
 * Contact data like the phone: it syncs, and the last change wins (no conflict record). Not
 * indexed: search does not look at it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE patients ADD COLUMN address TEXT');
}

export async function down(): Promise<void> {
  throw new Error('Addresses are part of the patients’ record: the column is not removed.');
}
