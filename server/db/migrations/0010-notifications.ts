import type { Knex } from 'knex';

/** the notification outbox (issue 11). */
export async function up(_knex: Knex): Promise<void> {}

export async function down(): Promise<void> {
  throw new Error('0010-notifications is not reversible');
}
