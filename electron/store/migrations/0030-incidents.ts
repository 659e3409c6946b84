import type { Knex } from 'knex';
import { syncColumns } from './0020-applications';

/**
 * The clinic's incident log (issue 15, §6.2, shared/incidents/): synced tables, columns as
 * `syncedFields` in shared/sync/protocol.ts.
 *
 * - `incidents`: one incident, opened by staff or by the server's alert (`source`, `alert_key`),
 *   its handler, resolution, review, and a leak's regulator notices (`notified_*`, `results_*`);
 * - `incident_entries`: its timeline, one row per step, never changed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('incidents', (table) => {
    syncColumns(table);
    table.text('number').notNullable();
    table.text('kind').notNullable();
    table.text('severity').notNullable();
    table.text('status').notNullable();
    table.text('title').notNullable();
    table.text('description').notNullable();
    table.text('detected_at').notNullable();
    table.text('opened_by');
    table.text('source').notNullable();
    table.text('alert_key');
    table.text('handler_id');
    table.text('resolution');
    table.text('resolved_at');
    table.text('resolved_by');
    table.text('review');
    table.text('reviewed_at');
    table.text('reviewed_by');
    table.text('notified_at');
    table.text('notified_by');
    table.text('results_at');
    table.text('results_by');
  });
  await knex.raw('CREATE INDEX incidents_queue ON incidents (status, detected_at, id)');

  await knex.schema.createTable('incident_entries', (table) => {
    syncColumns(table);
    table.text('incident_id').notNullable();
    table.text('kind').notNullable();
    table.text('at').notNullable();
    table.text('author_id');
    table.text('note');
    table.text('from_value');
    table.text('to_value');
  });
  await knex.raw('CREATE INDEX incident_entries_incident ON incident_entries (incident_id, at, id)');
}

export async function down(): Promise<void> {
  throw new Error('0030-incidents is not reversible: the incident log is part of the record.');
}
