import type { Knex } from 'knex';

/**
 * What a scan is of (shared/scans/scan-purpose.ts) and the row it belongs to — an identity
 * document, a consent, a proxy, a verification — so each screen lists its own scans. A scan
 * taken by mistake gets a tombstone with the clerk's reason (rule 5: never a DELETE). Files other
 * desks took are fetched by the sync worker from `blob_downloads`.
 */
export async function up(knex: Knex): Promise<void> {
  // Rebuilt without the foreign key to patients: a first sync's snapshot comes table by table
  // (document_scans before patients), and a scan must be able to land before its card does.
  await knex.raw(`CREATE TABLE document_scans_new (
    id TEXT PRIMARY KEY, version INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL, device_id TEXT NOT NULL,
    patient_id TEXT NOT NULL, sha256 TEXT NOT NULL, mime TEXT NOT NULL, bytes INTEGER NOT NULL, pages INTEGER NOT NULL,
    dpi INTEGER NOT NULL, brightness REAL NOT NULL, sharpness INTEGER NOT NULL, thumbnail_sha256 TEXT NOT NULL, deleted_at TEXT,
    purpose TEXT NOT NULL DEFAULT 'identity_document', attached_to TEXT, deleted_reason TEXT
  )`);
  await knex.raw(`INSERT INTO document_scans_new
    (id, version, created_at, created_by, updated_at, updated_by, device_id, patient_id, sha256, mime, bytes, pages, dpi, brightness, sharpness, thumbnail_sha256, deleted_at)
    SELECT id, version, created_at, created_by, updated_at, updated_by, device_id, patient_id, sha256, mime, bytes, pages, dpi, brightness, sharpness, thumbnail_sha256, deleted_at
    FROM document_scans`);
  await knex.raw('DROP TABLE document_scans');
  await knex.raw('ALTER TABLE document_scans_new RENAME TO document_scans');
  await knex.raw('CREATE INDEX document_scans_patient ON document_scans (patient_id, created_at)');
  await knex.raw('CREATE INDEX document_scans_sha256 ON document_scans (sha256)');
  await knex.raw(
    'CREATE INDEX document_scans_attached_to ON document_scans (attached_to) WHERE attached_to IS NOT NULL',
  );
  // Files that pulled rows name and this desk's vault does not hold yet (shared/sync/protocol.ts
  // blobFields): queued in the transaction that applies the row, so a crash loses none.
  await knex.schema.createTable('blob_downloads', (table) => {
    table.text('sha256').primary();
    table.text('queued_at').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error');
  });
}

export async function down(): Promise<void> {
  throw new Error('Scan links are not removed: screens find their scans by them.');
}
