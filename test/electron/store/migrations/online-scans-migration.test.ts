import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { knexOnConnection } from '../../../../electron/store/sqlcipher-knex';
import { sourceUpTo } from './desk-migrations-up-to';

const at = '2026-12-01T09:00:00.000Z';

describe('migration 0021: a scan the server wrote (a cabinet upload) names no desk and no person', () => {
  it('keeps every scan with every column and index, and then takes a row without its maker', async () => {
    const db = new Database(':memory:');
    const knex = knexOnConnection(db);
    try {
      const tableName = 'schema_migrations';
      await knex.migrate.latest({ migrationSource: await sourceUpTo('0020-applications'), tableName });
      const scan = db.prepare(
        `INSERT INTO document_scans (id, version, created_at, created_by, updated_at, updated_by, device_id, patient_id,
           sha256, mime, bytes, pages, dpi, brightness, sharpness, thumbnail_sha256, deleted_at, purpose, attached_to,
           deleted_reason)
         VALUES (?, ?, ?, 'p-1', ?, 'p-2', 'dev-1', 'pt-1', ?, 'application/pdf', 120000, 2, 300, 52.5, 3100, ?, ?, ?, ?, ?)`,
      );
      scan.run('s-1', 12, at, at, 'a'.repeat(64), 'b'.repeat(64), null, 'oms_policy', 'doc-1', null);
      scan.run('s-2', 3, at, at, 'c'.repeat(64), 'd'.repeat(64), at, 'identity_document', null, 'taken by mistake');
      const before = db.prepare('SELECT * FROM document_scans ORDER BY id').all();
      const indexes = () =>
        db
          .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'document_scans' ORDER BY name",
          )
          .all();
      const indexesBefore = indexes();

      await knex.migrate.latest({ migrationSource: await sourceUpTo('0021-online-scans'), tableName });

      expect(db.prepare('SELECT * FROM document_scans ORDER BY id').all()).toEqual(before);
      expect(indexes()).toEqual(indexesBefore);
      db.prepare(
        `INSERT INTO document_scans (id, created_at, created_by, updated_at, updated_by, device_id, patient_id, sha256,
           mime, bytes, pages, dpi, brightness, sharpness, thumbnail_sha256)
         VALUES ('s-3', ?, NULL, ?, NULL, NULL, 'pt-2', ?, 'image/jpeg', 1, 1, 300, 60, 3000, ?)`,
      ).run(at, at, 'e'.repeat(64), 'f'.repeat(64));
      expect(db.prepare("SELECT created_by, device_id FROM document_scans WHERE id = 's-3'").get()).toEqual({
        created_by: null,
        device_id: null,
      });
    } finally {
      await knex.destroy();
      db.close();
    }
  });
});
