import type { Knex } from 'knex';

/** The desks' health thresholds (issue 15, G5). */
export async function up(_knex: Knex): Promise<void> {}

export async function down(_knex: Knex): Promise<void> {}
