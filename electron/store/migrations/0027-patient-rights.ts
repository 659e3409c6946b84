import type { Knex } from 'knex';
import { syncColumns } from './0020-applications';

/**
 * Patients' rights (issue 14, shared/rights/): synced tables, columns as `syncedFields` in
 * shared/sync/protocol.ts.
 *
 * - `record_requests`: a patient's request for their records (F3), written by the server for the
 *   cabinet; `materials` and `formats` hold JSON;
 * - `record_request_files`: a file made for a request at the desk, its blob by `sha256`;
 * - `record_restrictions`: a restricted entry (`entry_id`) or whole chart (`entry_id` null) (F4);
 * - `emergency_access`: break-the-glass grants and the auditor's verdict.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('record_requests', (table) => {
    syncColumns(table);
    table.text('patient_id').notNullable();
    table.text('account_id');
    table.text('number').notNullable();
    table.text('purpose').notNullable();
    table.text('materials').notNullable();
    table.text('formats').notNullable();
    table.text('submitted_at').notNullable();
    table.text('confirmed_via');
    table.text('due_on').notNullable();
    table.text('status').notNullable();
    table.text('escalated_at');
    table.text('taken_at');
    table.text('taken_by');
    table.text('paper_handed_at');
    table.text('paper_handed_by');
    table.text('paper_received_by');
    table.text('fulfilled_at');
    table.text('fulfilled_by');
    table.text('available_until');
    table.text('notified_at');
  });
  await knex.raw('CREATE INDEX record_requests_queue ON record_requests (status, due_on, id)');
  await knex.raw('CREATE INDEX record_requests_patient ON record_requests (patient_id, submitted_at)');

  await knex.schema.createTable('record_request_files', (table) => {
    syncColumns(table);
    table.text('request_id').notNullable();
    table.text('patient_id').notNullable();
    table.text('format').notNullable();
    table.text('file_name').notNullable();
    table.text('mime').notNullable();
    table.integer('size').notNullable();
    table.text('sha256').notNullable();
    table.integer('withheld').notNullable().defaultTo(0);
  });
  await knex.raw('CREATE INDEX record_request_files_request ON record_request_files (request_id)');

  await knex.schema.createTable('record_restrictions', (table) => {
    syncColumns(table);
    table.text('patient_id').notNullable();
    table.text('entry_id');
    table.text('reason').notNullable();
    table.text('basis').notNullable();
    table.text('note');
    table.text('decided_at').notNullable();
    table.text('decided_by').notNullable();
    table.text('lifted_at');
    table.text('lifted_by');
    table.text('lift_reason');
  });
  await knex.raw('CREATE INDEX record_restrictions_patient ON record_restrictions (patient_id, entry_id)');

  await knex.schema.createTable('emergency_access', (table) => {
    syncColumns(table);
    table.text('patient_id').notNullable();
    table.text('staff_id').notNullable();
    table.text('entry_id');
    table.text('reason_code').notNullable();
    table.text('reason_text').notNullable();
    table.text('started_at').notNullable();
    table.text('expires_at').notNullable();
    table.text('credential_id').notNullable();
    table.text('review_verdict');
    table.text('reviewed_at');
    table.text('reviewed_by');
    table.text('review_note');
  });
  await knex.raw('CREATE INDEX emergency_access_staff ON emergency_access (staff_id, patient_id, expires_at)');
  await knex.raw('CREATE INDEX emergency_access_review ON emergency_access (review_verdict, started_at)');
}

export async function down(): Promise<void> {
  throw new Error('0027-patient-rights is not reversible: restrictions and grants are part of the record.');
}
