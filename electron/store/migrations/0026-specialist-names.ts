import type { Knex } from 'knex';

/**
 * A specialist's specialty and position by name as well as by code (issue 13): written by the desk
 * from its НСИ dictionaries when the specialist is saved, so the server — which holds no НСИ —
 * shows patients «Терапия», not «27». Synced like the rest of the row.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('specialists', (table) => {
    table.text('specialty_name');
    table.text('position_name');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('specialists', (table) => {
    table.dropColumn('position_name');
    table.dropColumn('specialty_name');
  });
}
