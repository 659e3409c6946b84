import type { Knex } from 'knex';

/**
 * The server's operations (issue 15, G5), server-only tables:
 *
 * - `device_health`: each desk's latest health report (shared/health/report.ts), one row per
 *   device, replaced by the next; clinic-scoped like everything a desk sends.
 * - `health_alert_state`: the level each watched thing (a desk, the notification outbox) was last
 *   seen at by the alert pass (server/monitoring/health-alerts.ts), so a turn to red raises an
 *   alert once and not on every pass.
 *
 * The clinic's thresholds are a synced table (`health_thresholds`, rows in `records`).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('device_health', (table) => {
    table.uuid('device_id').primary().references('devices.id');
    table.uuid('clinic_id').notNullable().references('clinics.id');
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.jsonb('report').notNullable();
  });
  await knex.raw('CREATE INDEX device_health_clinic ON device_health (clinic_id)');

  await knex.schema.createTable('health_alert_state', (table) => {
    table.uuid('clinic_id').notNullable().references('clinics.id');
    // device:<id> | server:notifications
    table.text('key').notNullable();
    // ok | amber | red
    table.text('level').notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.primary(['clinic_id', 'key']);
  });
  await knex.raw(`ALTER TABLE health_alert_state ADD CONSTRAINT health_alert_state_level
    CHECK (level IN ('ok', 'amber', 'red'))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('health_alert_state');
  await knex.schema.dropTable('device_health');
}
