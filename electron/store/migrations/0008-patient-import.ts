import type { Knex } from 'knex';

/**
 * The rows a CSV import of patients has enrolled, by the SHA-256 of the row as the form's schema
 * read it: a re-run of the same file (or of a file that repeats its rows) skips them. Local to
 * the desk that imported: the patients themselves sync.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE patient_import_rows (
      row_sha256 TEXT PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      source_name TEXT NOT NULL,
      line INTEGER NOT NULL,
      imported_at TEXT NOT NULL
    ) WITHOUT ROWID`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE patient_import_rows');
}
