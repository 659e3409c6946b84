import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { migrationSource } from '../../../../electron/store/migrations';
import { knexOnConnection } from '../../../../electron/store/sqlcipher-knex';
import { sourceUpTo } from './desk-migrations-up-to';

const at = '2026-11-20T09:00:00.000Z';
const sha256Code = 'a'.repeat(64);
const argonCode = '$argon2id$v=19$m=8192,t=2,p=1$c2FsdA$aGFzaA';
const opened: { db: Database.Database; knex: Knex }[] = [];
afterEach(async () => {
  for (const { db, knex } of opened.splice(0)) {
    await knex.destroy();
    db.close();
  }
});

/** A desk before 0019: a person with a TOTP secret and step, two codes, and unsent copies in the outbox. */
async function deskBefore0019(enrolled: boolean) {
  const db = new Database(':memory:');
  const knex = knexOnConnection(db);
  opened.push({ db, knex });
  const tableName = 'schema_migrations';
  await knex.migrate.latest({ migrationSource: await sourceUpTo('0018-staff-authority'), tableName });
  if (enrolled) db.prepare("INSERT INTO settings (key, value) VALUES ('sync.identity', '{}')").run();
  db.prepare(
    `INSERT INTO staff (id, created_at, created_by, updated_at, updated_by, device_id, login, display_name, role, kind,
       totp_secret, totp_enrolled_at, totp_last_step, totp_pending_secret)
     VALUES ('p-1', ?, 'p-1', ?, 'p-1', 'dev-1', 'anna', 'Анна', 'clerk', 'person', 'JBSWY3DPEHPK3PXP', ?, 100, 'PENDING')`,
  ).run(at, at, at);
  const code = db.prepare(
    `INSERT INTO recovery_codes (id, version, created_at, created_by, updated_at, updated_by, device_id, staff_id,
       code_hash) VALUES (?, 1, ?, 'p-1', ?, 'p-1', 'dev-1', 'p-1', ?)`,
  );
  code.run('c-1', at, at, sha256Code);
  code.run('c-2', at, at, argonCode);
  const outbox = db.prepare(
    `INSERT INTO sync_outbox (mutation_id, table_name, row_id, base_version, changed, actor_id, device_id, created_at)
     VALUES (?, ?, ?, 1, ?, 'p-1', 'dev-1', ?)`,
  );
  outbox.run('m-1', 'staff', 'p-1', JSON.stringify({ totp_secret: 'JBSWY3DPEHPK3PXP', totp_last_step: 100 }), at);
  outbox.run('m-2', 'staff', 'p-1', JSON.stringify({ totp_enrolled_at: at, totp_secret: 'JBSWY3DPEHPK3PXP' }), at);
  outbox.run('m-3', 'recovery_codes', 'c-1', JSON.stringify({ code_hash: sha256Code }), at);
  await knex.migrate.latest({ migrationSource, tableName });
  return {
    person: db
      .prepare('SELECT totp_secret, totp_enrolled_at, totp_last_step, totp_pending_secret FROM staff')
      .get() as Record<string, unknown>,
    codes: db.prepare('SELECT id, revoked_at FROM recovery_codes ORDER BY id').all() as {
      id: string;
      revoked_at: string | null;
    }[],
    outbox: db.prepare('SELECT mutation_id, changed FROM sync_outbox ORDER BY seq').all(),
  };
}

describe('migration 0019: second factors leave the synced rows', () => {
  it('an enrolled desk drops its copies of TOTP secrets and recovery codes, and their unsent changes', async () => {
    const after = await deskBefore0019(true);
    expect(after.person).toEqual({
      totp_secret: null,
      totp_enrolled_at: at,
      totp_last_step: null,
      totp_pending_secret: null,
    });
    expect(after.codes).toEqual([]);
    // What is left of the outbox carries no secret: the flag that the person has an app.
    expect(after.outbox).toEqual([{ mutation_id: 'm-2', changed: JSON.stringify({ totp_enrolled_at: at }) }]);
  });

  it('a lone desk keeps its own TOTP; its SHA-256 codes, which match nothing, are retired, argon2id ones kept', async () => {
    const after = await deskBefore0019(false);
    expect(after.person).toEqual({
      totp_secret: 'JBSWY3DPEHPK3PXP',
      totp_enrolled_at: at,
      totp_last_step: 100,
      totp_pending_secret: 'PENDING',
    });
    expect(after.codes).toEqual([
      { id: 'c-1', revoked_at: expect.any(String) },
      { id: 'c-2', revoked_at: null },
    ]);
    expect(after.outbox).toEqual([{ mutation_id: 'm-2', changed: JSON.stringify({ totp_enrolled_at: at }) }]);
  });
});
