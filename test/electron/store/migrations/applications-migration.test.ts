import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { knexOnConnection } from '../../../../electron/store/sqlcipher-knex';
import { sourceUpTo } from './desk-migrations-up-to';
import { syncedFields } from '../../../../shared/sync/protocol';

const at = '2026-12-01T09:00:00.000Z';

describe('migration 0020: applications, their journal, contact changes', () => {
  it('keeps every card, adds registered_online_at, and makes tables with every synced column', async () => {
    const db = new Database(':memory:');
    const knex = knexOnConnection(db);
    try {
      const tableName = 'schema_migrations';
      await knex.migrate.latest({ migrationSource: await sourceUpTo('0019-second-factors'), tableName });
      db.prepare(
        `INSERT INTO patients (id, created_at, created_by, updated_at, updated_by, device_id, surname, name,
           birth_date, sex, surname_fold, name_fold)
         VALUES ('pt-1', ?, 'p-1', ?, 'p-1', 'dev-1', 'Ёлкина', 'Анна', '1990-01-02', 'female', 'елкина', 'анна')`,
      ).run(at, at);
      const before = db.prepare('SELECT * FROM patients').all() as Record<string, unknown>[];

      await knex.migrate.latest({ migrationSource: await sourceUpTo('0020-applications'), tableName });

      expect(db.prepare('SELECT * FROM patients').all()).toEqual(
        before.map((row) => ({ ...row, registered_online_at: null })),
      );
      for (const table of ['applications', 'application_events', 'contact_changes'] as const) {
        const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
        expect(columns).toEqual(expect.arrayContaining(['id', 'version', ...syncedFields[table]]));
      }
      // Rows the server wrote (no desk, no person) and events before their application are accepted.
      db.prepare(
        `INSERT INTO application_events (id, created_at, updated_at, application_id, kind, at, actor_kind)
         VALUES ('e-1', ?, ?, 'not-yet', 'received', ?, 'patient')`,
      ).run(at, at, at);
      expect(db.prepare('SELECT count(*) AS n FROM application_events').get()).toEqual({ n: 1 });
    } finally {
      await knex.destroy();
      db.close();
    }
  });
});
