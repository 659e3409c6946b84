import type { Knex } from 'knex';

/**
 * Proof of who made a synced change (issue 10, item 1). Each outbox entry keeps the session that
 * signed it and the signature (Ed25519 by the session key over `entryText`), written with the
 * entry; `proven_sessions` keeps each session's statement and its proof (the WebAuthn assertion or
 * the server's ticket: public, nothing secret), so the sync worker — another thread — can send
 * them with a push. The session's private key is never here.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE sync_outbox ADD COLUMN session_id TEXT');
  await knex.raw('ALTER TABLE sync_outbox ADD COLUMN signature TEXT');
  await knex.raw(
    `CREATE TABLE proven_sessions (
       session_id TEXT PRIMARY KEY,
       staff_id TEXT NOT NULL,
       statement TEXT NOT NULL,
       proof TEXT NOT NULL,
       created_at TEXT NOT NULL
     )`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE proven_sessions');
  await knex.raw('ALTER TABLE sync_outbox DROP COLUMN signature');
  await knex.raw('ALTER TABLE sync_outbox DROP COLUMN session_id');
}
