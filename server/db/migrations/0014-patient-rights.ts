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
  // A request's number is the clinic's once (server/cabinet/record-requests/request-numbering.ts);
  // the cabinet lists an account's requests, and a file's rows are read by their request.
  await knex.raw(
    `CREATE UNIQUE INDEX records_record_request_number ON records (clinic_id, (data->>'number'))
     WHERE table_name = 'record_requests'`,
  );
  await knex.raw(
    `CREATE INDEX records_record_request_account ON records (clinic_id, (data->>'account_id'))
     WHERE table_name = 'record_requests'`,
  );
  await knex.raw(
    `CREATE INDEX records_record_request_files ON records (clinic_id, (data->>'request_id'))
     WHERE table_name = 'record_request_files'`,
  );
  // The access log reads a card's events with those of the cards merged into it (server/audit/patient-access.ts).
  await knex.raw(
    `CREATE INDEX records_patients_merged_into ON records (clinic_id, (data->>'merged_into'))
     WHERE table_name = 'patients' AND data->>'merged_into' IS NOT NULL`,
  );
}

export async function down(): Promise<void> {
  throw new Error('0014-patient-rights is not reversible');
}
