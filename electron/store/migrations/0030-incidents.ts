import type { Knex } from 'knex';

/** The clinic's incident log (issue 15, §6.2). */
export async function up(_knex: Knex): Promise<void> {}

export async function down(_knex: Knex): Promise<void> {}
