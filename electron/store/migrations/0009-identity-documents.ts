import type { Knex } from 'knex';

/**
 * Identity documents (B3) and OMS policies (B7). A changed document is never overwritten: the old
 * row gets `superseded_at`, `update_due` (the day the new one must be in the system by, 5 business
 * days later) and, once the new one is recorded, `replaced_by`. The OMS policy's confirmation and
 * the comparison with the record (B5, JSON) live on the row; a mistake gets a tombstone.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('identity_documents', (table) => {
    // The columns every synced row carries (as in 0001-initial).
    table.text('id').primary();
    table.integer('version').notNullable().defaultTo(0);
    table.text('created_at').notNullable();
    table.text('created_by').notNullable();
    table.text('updated_at').notNullable();
    table.text('updated_by').notNullable();
    table.text('device_id').notNullable();

    // No foreign key: a first sync's snapshot comes in table order, documents before patients
    // (the services check the card; a merge moves documents through the door).
    table.text('patient_id').notNullable();
    // passport, driving_licence, snils, oms_policy, other_photo_id
    table.text('type').notNullable();
    // OMS policy: unified, temporary, old
    table.text('form');
    // Other photo ID: what it is.
    table.text('title');
    table.text('series');
    table.text('number').notNullable();
    table.text('issuer');
    table.text('issuer_code');
    table.text('issue_date');
    table.text('expiry_date');

    table.text('insurer_code');
    // unchecked, confirmed, rejected (OMS policy only)
    table.text('policy_status');
    table.text('policy_reason');
    table.text('policy_checked_by');
    table.text('policy_checked_at');

    table.text('superseded_at');
    table.text('replaced_by');
    table.text('update_due');

    // The comparison with the record (B5): JSON of the fields compared and the clerk's answers.
    table.text('comparison');
    table.text('compared_by');
    table.text('compared_at');

    table.text('deleted_at');
  });
  await knex.raw('CREATE INDEX identity_documents_patient ON identity_documents (patient_id, created_at)');
  // The hard stop: the same document number on another patient.
  await knex.raw('CREATE INDEX identity_documents_number ON identity_documents (type, number)');
}

export async function down(): Promise<void> {
  throw new Error('Identity documents are not removed: they are part of patients’ records.');
}
