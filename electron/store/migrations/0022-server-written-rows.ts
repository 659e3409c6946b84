import type Database from 'better-sqlite3-multiple-ciphers';
import type { Knex } from 'knex';

/** Columns a row the server writes itself has no value for: no person, no desk (issue 11). */
const serverless = ['created_by', 'updated_by', 'device_id'] as const;

/**
 * The cabinet's server writes `consents` (the patient's consent, signed with a code) and
 * `patients` (a card for a patient who registered online with no matching card) itself, made by
 * no desk and no person — as `online_identity` (0012), `document_scans` (0021) and the
 * applications' tables (0020) already are. Their `created_by`, `updated_by` and `device_id` lose
 * NOT NULL.
 *
 * `patients` carries triggers, indexes and references, so it is not rebuilt: SQLite documents
 * removing a NOT NULL constraint by rewriting the table's CREATE statement in the schema (ALTER
 * TABLE, "making other kinds of table schema changes"), which leaves every row, index and
 * trigger as it is. The statement is edited only where a column names one of the three; the
 * integrity check must pass before the transaction commits.
 */
export async function up(knex: Knex): Promise<void> {
  const client = knex.client as { acquireConnection(): Promise<Database.Database> };
  const db = await client.acquireConnection();
  const statements = new Map<string, string>();
  for (const table of ['consents', 'patients']) {
    const row = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) as
      { sql: string } | undefined;
    if (!row) throw new Error(`0022: no table ${table}`);
    let sql = row.sql;
    for (const column of serverless) {
      sql = sql.replace(new RegExp(`([\`"]?${column}[\`"]?\\s+(?:text|TEXT|varchar\\(255\\)))\\s+not null`, 'i'), '$1');
    }
    statements.set(table, sql);
  }
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    const update = db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?");
    for (const [table, sql] of statements) update.run(sql, table);
    const version = db.pragma('schema_version', { simple: true }) as number;
    db.pragma(`schema_version = ${version + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
  const check = db.pragma('integrity_check', { simple: true });
  if (check !== 'ok') throw new Error(`0022: integrity check after the schema edit: ${String(check)}`);
}

export async function down(): Promise<void> {
  throw new Error('Rows the server wrote have no desk and no person to name: the columns stay nullable.');
}
