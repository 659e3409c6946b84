import type { Knex } from 'knex';
import { syncColumns } from './0020-applications';

/**
 * The clinic's health thresholds (issue 15, G5): the synced table `health_thresholds`, one row
 * per clinic, columns as `syncedFields` in shared/sync/protocol.ts — each metric's amber and red
 * limit (shared/health/thresholds.ts). No row: the defaults apply.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('health_thresholds', (table) => {
    syncColumns(table);
    for (const metric of ['sync_minutes', 'outbox', 'conflicts', 'free_disk_mb', 'backup_days', 'drill_days']) {
      table.integer(`${metric}_amber`).notNullable();
      table.integer(`${metric}_red`).notNullable();
    }
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('health_thresholds');
}
