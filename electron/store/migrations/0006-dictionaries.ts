import type { Knex } from 'knex';

/**
 * Reference dictionaries (НСИ: МКБ-10, the insurers' registry, the production calendar),
 * versioned. Each import is one row of `dictionaries` and its entries; exactly one version of a
 * dictionary is active, earlier versions stay for the record (a diagnosis coded years ago still
 * finds its name). Not synced yet: each desk imports the files itself.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE dictionaries (
      name TEXT NOT NULL,
      version TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL,
      device_id TEXT NOT NULL,
      row_count INTEGER NOT NULL,
      refused_count INTEGER NOT NULL,
      source_name TEXT NOT NULL,
      source_sha256 TEXT NOT NULL,
      PRIMARY KEY (name, version)
    ) WITHOUT ROWID`);
  await knex.raw('CREATE UNIQUE INDEX dictionaries_one_active ON dictionaries (name) WHERE active = 1');

  await knex.raw(`
    CREATE TABLE dictionary_entries (
      dictionary TEXT NOT NULL,
      version TEXT NOT NULL,
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      -- lower case, ё → е: the key of the search by name prefix
      name_fold TEXT NOT NULL,
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
      data TEXT NOT NULL,
      PRIMARY KEY (dictionary, version, code),
      FOREIGN KEY (dictionary, version) REFERENCES dictionaries (name, version)
    ) WITHOUT ROWID`);
  // Lookup by code and by code prefix use the primary key; this one serves the name prefix.
  await knex.raw('CREATE INDEX dictionary_entries_name ON dictionary_entries (dictionary, version, name_fold)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE dictionary_entries');
  await knex.raw('DROP TABLE dictionaries');
}
