import type { Knex } from 'knex';

/**
 * The columns every synced row carries. Rows the server writes (a cabinet application, the
 * deadline sweeper's flags, the patient's own events) are made by no desk and no person:
 * `created_by`, `updated_by` and `device_id` may be null, as in `online_identity` (0012).
 */
export function syncColumns(table: Knex.CreateTableBuilder): void {
  table.text('id').primary();
  table.integer('version').notNullable().defaultTo(0);
  table.text('created_at').notNullable();
  table.text('created_by');
  table.text('updated_at').notNullable();
  table.text('updated_by');
  table.text('device_id');
}

/**
 * Applications for online access (issue 11, C1–C6), their journal and the contact history (B1):
 * synced tables, columns as `syncedFields` in shared/sync/protocol.ts. `urgent` is 0/1,
 * `supply_due` the last day (ISO date) to supply what was missing; `scan_ids` and `detail` hold
 * JSON. And `patients.registered_online_at`: the card was made by the server for a patient who
 * registered in the cabinet.
 *
 * No foreign keys to `patients` or between the tables: a new desk's first sync takes rows table
 * by table in name order, so an event can arrive before its application and both before the patient.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('applications', (table) => {
    syncColumns(table);
    table.text('patient_id');
    table.text('account_id');
    table.text('number').notNullable();
    table.text('channel').notNullable();
    table.integer('urgent').notNullable().defaultTo(0);
    table.text('status').notNullable();
    table.text('submitted_at').notNullable();
    table.text('due_at').notNullable();
    table.text('consent_id');
    table.text('scan_ids');
    table.text('contact_email');
    table.text('contact_phone');
    table.text('review_started_at');
    table.text('review_started_by');
    table.text('decided_at');
    table.text('decided_by');
    table.text('activation_channel');
    table.text('deny_reason');
    table.text('deny_note');
    table.text('supply_due');
    table.text('supplied_at');
    table.text('supply_note');
    table.text('appeal_text');
    table.text('appeal_at');
    table.text('appeal_outcome');
    table.text('appeal_note');
    table.text('appeal_decided_at');
    table.text('appeal_decided_by');
    table.text('overdue_at');
    table.text('escalated_at');
    table.text('activation_sent_at');
    table.text('activated_at');
  });
  // The queue: by status, nearest deadline first; keyset paging goes on (due_at, id).
  await knex.raw('CREATE INDEX applications_queue ON applications (status, due_at, id)');
  await knex.raw('CREATE INDEX applications_due ON applications (due_at, id)');
  // The counters by status: a narrow index counts a hundred thousand rows in a fraction of the queue index's pages.
  await knex.raw('CREATE INDEX applications_status ON applications (status)');
  await knex.raw('CREATE INDEX applications_patient ON applications (patient_id)');
  await knex.raw('CREATE INDEX applications_number ON applications (number)');

  await knex.schema.createTable('application_events', (table) => {
    syncColumns(table);
    table.text('application_id').notNullable();
    table.text('kind').notNullable();
    table.text('at').notNullable();
    table.text('actor_kind').notNullable();
    table.text('actor_id');
    table.text('detail');
  });
  await knex.raw('CREATE INDEX application_events_journal ON application_events (application_id, at)');

  await knex.schema.createTable('contact_changes', (table) => {
    syncColumns(table);
    table.text('patient_id').notNullable();
    table.text('field').notNullable();
    table.text('old_value');
    table.text('new_value');
    table.text('changed_at').notNullable();
    table.text('changed_by');
  });
  await knex.raw('CREATE INDEX contact_changes_patient ON contact_changes (patient_id, changed_at)');

  await knex.raw('ALTER TABLE patients ADD COLUMN registered_online_at TEXT');
}

export async function down(): Promise<void> {
  throw new Error('0020-applications is not reversible: applications and their journal are part of the record.');
}
