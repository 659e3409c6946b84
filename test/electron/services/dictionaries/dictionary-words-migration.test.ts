import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { knexOnConnection } from '../../../../electron/store/sqlcipher-knex';
import { sourceUpTo } from '../../store/migrations/desk-migrations-up-to';

const at = '2026-12-01T09:00:00.000Z';

describe('migration 0024: the words of dictionaries imported before words were kept', () => {
  it('fills dictionary_words for every entry of every version, leaves entries as they were, and skips calendars', async () => {
    const db = new Database(':memory:');
    const knex = knexOnConnection(db);
    try {
      const tableName = 'schema_migrations';
      await knex.migrate.latest({ migrationSource: await sourceUpTo('0023-charts'), tableName });
      const version = db.prepare(
        `INSERT INTO dictionaries (name, version, active, imported_at, imported_by, device_id, row_count, refused_count,
           source_name, source_sha256) VALUES (?, ?, ?, ?, 'staff-1', 'dev-1', 1, 0, 'file.csv', ?)`,
      );
      version.run('icd10', '2.26', 0, at, 'a'.repeat(64));
      version.run('icd10', '2.27', 1, at, 'b'.repeat(64));
      version.run('calendar-ru/2026', '2026-01-01', 1, at, 'c'.repeat(64));
      const entry = db.prepare(
        `INSERT INTO dictionary_entries (dictionary, version, code, name, name_fold, retired, data)
         VALUES (?, ?, ?, ?, lower(?), ?, ?)`,
      );
      entry.run('icd10', '2.26', 'J06.9', 'Острая инфекция верхних дыхательных путей', 'x', 0, '{}');
      entry.run('icd10', '2.27', 'J06.9', 'Острая инфекция верхних дыхательных путей неуточнённая', 'x', 0, '{}');
      entry.run('icd10', '2.27', 'B59', 'Пневмоцистоз (устар.)', 'x', 1, '{"kind":"category"}');
      for (let i = 0; i < 2100; i++)
        entry.run('icd10', '2.27', `Z${String(i).padStart(4, '0')}`, `Состояние ${i}`, 'x', 0, '{}');
      entry.run('calendar-ru/2026', '2026-01-01', '2026-01-01', 'Новый год', 'x', 0, '{}');
      const before = db.prepare('SELECT * FROM dictionary_entries ORDER BY dictionary, version, code').all();

      await knex.migrate.latest({ migrationSource: await sourceUpTo('0024-dictionary-words'), tableName });

      expect(db.prepare('SELECT * FROM dictionary_entries ORDER BY dictionary, version, code').all()).toEqual(before);
      const words = (version: string, code: string) =>
        db
          .prepare('SELECT word FROM dictionary_words WHERE dictionary = ? AND version = ? AND code = ? ORDER BY word')
          .pluck()
          .all('icd10', version, code);
      expect(words('2.27', 'J06.9')).toEqual(['верхних', 'дыхательных', 'инфекция', 'неуточненная', 'острая', 'путей']);
      expect(words('2.26', 'J06.9')).toEqual(['верхних', 'дыхательных', 'инфекция', 'острая', 'путей']);
      expect(words('2.27', 'B59')).toEqual(['пневмоцистоз', 'устар']);
      expect(words('2.27', 'Z2099')).toEqual(['2099', 'состояние']);
      expect(db.prepare("SELECT count(DISTINCT code) FROM dictionary_words WHERE version = '2.27'").pluck().get()).toBe(
        2102,
      );
      expect(
        db.prepare("SELECT count(*) FROM dictionary_words WHERE dictionary LIKE 'calendar-ru/%'").pluck().get(),
      ).toBe(0);
      expect(
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dictionary_words'")
          .pluck()
          .all(),
      ).toContain('dictionary_words_by_code');
    } finally {
      await knex.destroy();
      db.close();
    }
  });
});
