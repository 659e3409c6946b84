import type { Knex } from 'knex';

/** The server's operations (issue 15): desks' health reports, thresholds and alerts. */
export async function up(_knex: Knex): Promise<void> {}

export async function down(_knex: Knex): Promise<void> {}
