import type { Knex } from 'knex';

/** Applications for online access, their journal and the contact history (issue 11): synced tables. */
export async function up(_knex: Knex): Promise<void> {}

export async function down(): Promise<void> {
  throw new Error('0020-applications is not reversible');
}
