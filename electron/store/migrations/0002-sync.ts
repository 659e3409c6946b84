import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // A mutation the server refused stays here, shown to staff, until someone deals with it.
  await knex.schema.alterTable('sync_outbox', (table) => {
    table.text('status').notNullable().defaultTo('pending');
    table.text('refused_code');
    table.text('refused_field');
    table.integer('attempts').notNullable().defaultTo(0);
  });
  await knex.raw('CREATE INDEX sync_outbox_pending ON sync_outbox (status, seq)');
  await knex.raw('CREATE INDEX sync_outbox_row ON sync_outbox (table_name, row_id)');

  // Two desks offline can each enrol the same person; their rows must still sync (and then be
  // merged, B2), so the identifiers are indexed but no longer unique. Enrolment at a desk keeps
  // refusing a known SNILS/ЕНП/INN inside its write transaction.
  for (const column of ['snils', 'enp', 'inn']) {
    await knex.raw(`DROP INDEX patients_${column}`);
    await knex.raw(`CREATE INDEX patients_${column} ON patients (${column}) WHERE ${column} IS NOT NULL`);
  }

  // Conflicts found by the server, synced to every desk; staff resolve them in the UI.
  await knex.schema.createTable('sync_conflicts', (table) => {
    table.text('id').primary();
    table.integer('version').notNullable();
    table.text('table_name').notNullable();
    table.text('row_id').notNullable();
    table.text('field').notNullable();
    table.text('server_value');
    table.integer('server_version').notNullable();
    table.text('server_actor_id');
    table.text('server_at');
    table.text('device_value');
    table.text('device_id').notNullable();
    table.text('actor_id').notNullable();
    table.text('at').notNullable();
    table.text('mutation_id').notNullable();
    table.text('resolved_at');
    table.text('resolved_by');
    table.text('resolution');
  });
  await knex.raw('CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved_at, at)');

  // Every earlier state of a row that a change replaced (ARCHITECTURE rule 5: nothing is lost).
  await knex.schema.createTable('row_history', (table) => {
    table.increments('seq').primary();
    table.text('table_name').notNullable();
    table.text('row_id').notNullable();
    table.integer('version').notNullable();
    table.text('data').notNullable();
    table.text('replaced_at').notNullable();
    // 'local:<staff id>' for an edit at this desk, 'sync' for a change pulled from the server.
    table.text('replaced_by').notNullable();
  });
  await knex.raw('CREATE INDEX row_history_row ON row_history (table_name, row_id, seq)');
}

export async function down(): Promise<void> {
  throw new Error('Sync tables are not removed: they hold changes not yet on the server.');
}
