import type { Knex } from 'knex';

/**
 * Patients' rights (issue 14): the synced rows (`records`, tables `record_requests`,
 * `record_request_files`, `record_restrictions`, `emergency_access`) and the indexes the
 * cabinet's reads, the server's rules and the overdue sweep need.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX records_rights_patient ON records (clinic_id, (data->>'patient_id'))
     WHERE table_name IN ('record_requests', 'record_request_files', 'record_restrictions', 'emergency_access')`,
  );
  await knex.raw(
    `CREATE INDEX records_record_requests_due ON records (clinic_id, (data->>'due_on'))
     WHERE table_name = 'record_requests' AND data->>'status' <> 'done'`,
  );
}

export async function down(): Promise<void> {
  throw new Error('0014-patient-rights is not reversible');
}
