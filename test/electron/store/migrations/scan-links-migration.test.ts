import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { knexOnConnection } from '../../../../electron/store/sqlcipher-knex';
import { sourceUpTo } from './desk-migrations-up-to';

const at = '2026-11-20T09:00:00.000Z';

describe('migration 0010: scans say what they are of, and no longer need their card first', () => {
  it('keeps every scan with every column, as an identity document’s scan attached to nothing', async () => {
    const db = new Database(':memory:');
    const knex = knexOnConnection(db);
    try {
      const tableName = 'schema_migrations';
      await knex.migrate.latest({ migrationSource: await sourceUpTo('0009-identity-documents'), tableName });
      db.prepare(
        `INSERT INTO patients (id, created_at, created_by, updated_at, updated_by, device_id, surname, name,
           birth_date, sex, surname_fold, name_fold)
         VALUES ('pt-1', ?, 'p-1', ?, 'p-1', 'dev-1', 'Ёлкина', 'Анна', '1990-01-02', 'F', 'елкина', 'анна')`,
      ).run(at, at);
      const scan = db.prepare(
        `INSERT INTO document_scans (id, version, created_at, created_by, updated_at, updated_by, device_id, patient_id,
           sha256, mime, bytes, pages, dpi, brightness, sharpness, thumbnail_sha256, deleted_at)
         VALUES (?, ?, ?, 'p-1', ?, 'p-2', 'dev-1', 'pt-1', ?, 'application/pdf', ?, ?, 300, 0.52, 140, ?, ?)`,
      );
      scan.run('s-1', 12, at, at, 'a'.repeat(64), 120_000, 2, 'b'.repeat(64), null);
      const removed = '2026-11-21T10:00:00.000Z';
      scan.run('s-2', 0, at, removed, 'c'.repeat(64), 80_000, 1, 'd'.repeat(64), removed);
      const before = db.prepare('SELECT * FROM document_scans ORDER BY id').all();

      await knex.migrate.latest({ migrationSource: await sourceUpTo('0010-scan-links'), tableName });

      const after = db.prepare('SELECT * FROM document_scans ORDER BY id').all() as Record<string, unknown>[];
      expect(after).toEqual(
        before.map((row) => ({
          ...(row as object),
          purpose: 'identity_document',
          attached_to: null,
          deleted_reason: null,
        })),
      );
      // The card is no longer required first: a first sync's snapshot may bring the scan before it.
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.prepare(
        `INSERT INTO document_scans (id, created_at, created_by, updated_at, updated_by, device_id, patient_id, sha256,
           mime, bytes, pages, dpi, brightness, sharpness, thumbnail_sha256)
         VALUES ('s-3', ?, 'p-1', ?, 'p-1', 'dev-2', 'pt-not-yet', ?, 'image/png', 1, 1, 300, 0.5, 140, ?)`,
      ).run(at, at, 'e'.repeat(64), 'f'.repeat(64));
      expect(db.prepare('SELECT count(*) AS n FROM blob_downloads').get()).toEqual({ n: 0 });
    } finally {
      await knex.destroy();
      db.close();
    }
  });
});
