import type { Knex } from 'knex';

/**
 * Dictionaries distributed by sync (issue #5, item 10). A release is one published version of a
 * dictionary: a synced row, written once by an admin (at a desk or at the server) and never
 * changed, naming the file by its SHA-256; the file itself travels as a blob. Each desk imports
 * the file through the same importer as the command line and records here how that went
 * (`local_*`: this desk's own state, never synced).
 *
 * `dictionary_files` keeps the file's bytes on this desk: a published one until it is uploaded,
 * a downloaded one as it arrives (chunk by chunk, so a cut download resumes), then for the record.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE dictionary_releases (
      id TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      kind TEXT NOT NULL,
      name TEXT NOT NULL,
      dictionary_version TEXT NOT NULL,
      source_name TEXT NOT NULL,
      source_sha256 TEXT NOT NULL,
      source_bytes INTEGER NOT NULL,
      row_count INTEGER NOT NULL,
      refused_count INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT,
      updated_at TEXT NOT NULL,
      updated_by TEXT,
      device_id TEXT,
      local_state TEXT NOT NULL DEFAULT 'pending'
        CHECK (local_state IN ('pending', 'imported', 'skipped', 'failed')),
      local_code TEXT,
      local_at TEXT
    )`);
  await knex.raw(
    "CREATE INDEX dictionary_releases_pending ON dictionary_releases (local_state, created_at) WHERE local_state <> 'imported'",
  );
  await knex.raw(`
    CREATE TABLE dictionary_files (
      sha256 TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
      uploaded INTEGER NOT NULL DEFAULT 0 CHECK (uploaded IN (0, 1))
    ) WITHOUT ROWID`);
  await knex.raw(`
    CREATE TABLE dictionary_file_chunks (
      sha256 TEXT NOT NULL REFERENCES dictionary_files (sha256) ON DELETE CASCADE,
      offset INTEGER NOT NULL,
      content BLOB NOT NULL,
      PRIMARY KEY (sha256, offset)
    ) WITHOUT ROWID`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE dictionary_file_chunks');
  await knex.raw('DROP TABLE dictionary_files');
  await knex.raw('DROP TABLE dictionary_releases');
}
