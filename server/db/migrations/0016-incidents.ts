import type { Knex } from 'knex';

/**
 * The clinic's incident log (issue 15, §6.2): the synced rows live in `records` (tables
 * `incidents`, `incident_entries`). An alert opens an incident only while none of its key is
 * still active, so that question has an index; the timeline is read by incident.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX records_incidents_alert ON records (clinic_id, (data->>'alert_key'))
     WHERE table_name = 'incidents' AND data->>'status' IN ('open', 'handling')`,
  );
  await knex.raw(
    `CREATE INDEX records_incident_entries ON records (clinic_id, (data->>'incident_id'))
     WHERE table_name = 'incident_entries'`,
  );
}

export async function down(): Promise<void> {
  throw new Error('0016-incidents is not reversible');
}
