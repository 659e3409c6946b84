import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { knexOnConnection } from '../../../../electron/store/sqlcipher-knex';
import { sourceUpTo } from './desk-migrations-up-to';

const at = '2026-12-01T09:00:00.000Z';

describe('migration 0022: consents and cards the server wrote name no desk and no person', () => {
  it('keeps the tables, their rows, indexes and triggers, then takes rows without their makers', async () => {
    const db = new Database(':memory:');
    const knex = knexOnConnection(db);
    try {
      const tableName = 'schema_migrations';
      await knex.migrate.latest({ migrationSource: await sourceUpTo('0021-online-scans'), tableName });
      const nullPatient = () =>
        db
          .prepare(
            `INSERT INTO patients (id, version, created_at, created_by, updated_at, updated_by, device_id, surname, name,
               birth_date, sex, surname_fold, name_fold)
             VALUES (?, 1, ?, NULL, ?, NULL, NULL, 'Онлайнова', 'Мария', '1990-01-02', 'female', 'онлаинова', 'мария')`,
          )
          .run('p-online', at, at);
      // Before: a card without its maker is refused, as every row a desk writes names one.
      expect(nullPatient).toThrow(/NOT NULL/);
      db.prepare(
        `INSERT INTO patients (id, version, created_at, created_by, updated_at, updated_by, device_id, surname, name,
           birth_date, sex, surname_fold, name_fold)
         VALUES ('p-desk', 3, ?, 'staff-1', ?, 'staff-1', 'dev-1', 'Иванова', 'Анна', '1980-03-15', 'female', 'иванова', 'анна')`,
      ).run(at, at);
      const schema = () =>
        db
          .prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name IN ('patients', 'consents') AND type <> 'table' ORDER BY name",
          )
          .all();
      const before = { rows: db.prepare('SELECT * FROM patients').all(), schema: schema() };

      await knex.migrate.latest({ migrationSource: await sourceUpTo('0022-server-written-rows'), tableName });

      expect(db.prepare('SELECT * FROM patients').all()).toEqual(before.rows);
      expect(schema()).toEqual(before.schema);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      nullPatient();
      db.prepare(
        `INSERT INTO consents (id, version, created_at, created_by, updated_at, updated_by, device_id, patient_id,
           text_version, text_sha256, method, accepted_at, accepted_by)
         VALUES ('c-1', 1, ?, NULL, ?, NULL, NULL, 'p-online', '1', ?, 'electronic_signature', ?, 'account-1')`,
      ).run(at, at, 'a'.repeat(64), at);
      // The rest of the rules stay: a consent still needs its patient and its text.
      expect(() =>
        db
          .prepare(
            `INSERT INTO consents (id, version, created_at, updated_at, text_version, text_sha256, method, accepted_at,
               accepted_by) VALUES ('c-2', 1, ?, ?, '1', 'x', 'scan', ?, 'a')`,
          )
          .run(at, at, at),
      ).toThrow(/NOT NULL constraint failed: consents.patient_id/);
      // The search still finds the card made online (the triggers are kept).
      expect(db.prepare("SELECT id FROM patients WHERE surname_fold = 'онлаинова'").all()).toEqual([
        { id: 'p-online' },
      ]);
    } finally {
      await knex.destroy();
      db.close();
    }
  });
});
