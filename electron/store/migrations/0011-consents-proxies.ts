import type { Knex } from 'knex';

/** The columns every synced row carries (as in 0001-initial). */
function syncColumns(table: Knex.CreateTableBuilder): void {
  table.text('id').primary();
  table.integer('version').notNullable().defaultTo(0);
  table.text('created_at').notNullable();
  table.text('created_by').notNullable();
  table.text('updated_at').notNullable();
  table.text('updated_by').notNullable();
  table.text('device_id').notNullable();
}

/**
 * Consent to personal-data processing (B8) and trusted persons (B9). A consent row is an
 * acceptance of one version of the text (its SHA-256 as shown), with its evidence — a signature
 * image in the vault or a scan of the signed paper — and, once, its withdrawal. A proxy row is
 * a trusted person with the basis, the sections of the record and the period; it ends by its
 * dates or by a revocation, never by a DELETE (rule 5).
 *
 * `patient_id` has no foreign key: a desk's first sync takes the server's rows ordered by
 * (table, id), so `consents` and `proxies` arrive before `patients`; the services check the
 * patient themselves.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('consents', (table) => {
    syncColumns(table);
    table.text('patient_id').notNullable();
    table.text('text_version').notNullable();
    table.text('text_sha256').notNullable();
    table.text('method').notNullable();
    table.text('signature_sha256');
    table.text('scan_id');
    table.text('accepted_at').notNullable();
    table.text('accepted_by').notNullable();
    table.text('withdrawn_at');
    table.text('withdrawn_by');
    table.text('withdrawal_reason');
  });
  await knex.raw('CREATE INDEX consents_patient ON consents (patient_id, accepted_at)');

  await knex.schema.createTable('proxies', (table) => {
    syncColumns(table);
    table.text('patient_id').notNullable();
    table.text('surname').notNullable();
    table.text('name').notNullable();
    table.text('patronymic');
    table.integer('foreign_citizen').notNullable().defaultTo(0);
    table.text('birth_date').notNullable();
    table.text('phone');
    table.text('relationship').notNullable();
    table.text('basis').notNullable();
    table.text('document_number');
    table.text('document_issued_on');
    table.text('document_expires_on');
    table.text('document_issuer');
    // A JSON array of shared/domain/proxies.ts recordSections.
    table.text('scope').notNullable();
    table.text('starts_on').notNullable();
    table.text('ends_on');
    table.text('revoked_at');
    table.text('revoked_by');
    table.text('revocation_reason');
  });
  await knex.raw('CREATE INDEX proxies_patient ON proxies (patient_id, starts_on)');
}

export async function down(): Promise<void> {
  throw new Error('Consents and proxies are not removed: they are the legal ground for sharing patients’ data.');
}
