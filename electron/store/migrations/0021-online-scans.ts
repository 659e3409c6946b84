import type { Knex } from 'knex';

/**
 * Scans the patient uploads in the cabinet (issue 11, item 3): the server keeps them as it keeps
 * a desk's, and writes their `document_scans` row itself — made by no desk and no person, so
 * `created_by`, `updated_by` and `device_id` are null, as in `online_identity` (0012) and the
 * applications' tables (0020). SQLite cannot drop a NOT NULL: the table is rebuilt, every row and
 * column kept, its indexes made again.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE TABLE document_scans_new (
    id TEXT PRIMARY KEY, version INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT, device_id TEXT,
    patient_id TEXT NOT NULL, sha256 TEXT NOT NULL, mime TEXT NOT NULL, bytes INTEGER NOT NULL, pages INTEGER NOT NULL,
    dpi INTEGER NOT NULL, brightness REAL NOT NULL, sharpness INTEGER NOT NULL, thumbnail_sha256 TEXT NOT NULL, deleted_at TEXT,
    purpose TEXT NOT NULL DEFAULT 'identity_document', attached_to TEXT, deleted_reason TEXT
  )`);
  await knex.raw(`INSERT INTO document_scans_new
    (id, version, created_at, created_by, updated_at, updated_by, device_id, patient_id, sha256, mime, bytes, pages, dpi,
     brightness, sharpness, thumbnail_sha256, deleted_at, purpose, attached_to, deleted_reason)
    SELECT id, version, created_at, created_by, updated_at, updated_by, device_id, patient_id, sha256, mime, bytes, pages,
     dpi, brightness, sharpness, thumbnail_sha256, deleted_at, purpose, attached_to, deleted_reason
    FROM document_scans`);
  await knex.raw('DROP TABLE document_scans');
  await knex.raw('ALTER TABLE document_scans_new RENAME TO document_scans');
  await knex.raw('CREATE INDEX document_scans_patient ON document_scans (patient_id, created_at)');
  await knex.raw('CREATE INDEX document_scans_sha256 ON document_scans (sha256)');
  await knex.raw(
    'CREATE INDEX document_scans_attached_to ON document_scans (attached_to) WHERE attached_to IS NOT NULL',
  );
}

export async function down(): Promise<void> {
  throw new Error('Scans the cabinet uploaded have no desk and no person to name: the columns stay nullable.');
}
