import type { Knex } from 'knex';

/**
 * Scans of identity documents (B4). The files themselves are encrypted in the vault folder beside
 * the database (electron/services/scans/scan-vault.ts); a row names them by SHA-256 and keeps
 * what the acceptance checks measured. The content never changes; a merge moves a scan to the
 * surviving card through the door (previous state in row_history), and a scan taken by mistake
 * gets a tombstone — never a DELETE (rule 5).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('document_scans', (table) => {
    // The columns every synced row carries (as in 0001-initial).
    table.text('id').primary();
    table.integer('version').notNullable().defaultTo(0);
    table.text('created_at').notNullable();
    table.text('created_by').notNullable();
    table.text('updated_at').notNullable();
    table.text('updated_by').notNullable();
    table.text('device_id').notNullable();

    table.text('patient_id').notNullable().references('id').inTable('patients');
    table.text('sha256').notNullable();
    table.text('mime').notNullable();
    table.integer('bytes').notNullable();
    table.integer('pages').notNullable();
    // The lowest page's values, as the checklist showed them.
    table.integer('dpi').notNullable();
    table.float('brightness').notNullable();
    table.integer('sharpness').notNullable();
    table.text('thumbnail_sha256').notNullable();
    table.text('deleted_at');
  });
  await knex.raw('CREATE INDEX document_scans_patient ON document_scans (patient_id, created_at)');
  await knex.raw('CREATE INDEX document_scans_sha256 ON document_scans (sha256)');
}

export async function down(): Promise<void> {
  throw new Error('Scan records are not removed: they are part of patients’ identity checks.');
}
