import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import { applyKey } from '../../store/open-store';

/**
 * A consistent copy of the live database, made by SQLite from a connection of its own
 * (`VACUUM INTO` reads one snapshot of the WAL database, as the online backup does, and writes
 * the copy under the same SQLCipher key): never a copy of the live file, which a writer may be
 * changing. The desk keeps working meanwhile; the copy is also compacted.
 */
export function snapshotDatabase(dbPath: string, key: Buffer, target: string): { schemaVersion: string } {
  if (!existsSync(dbPath)) throw new AppError('store.missing', { params: { path: dbPath } });
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    applyKey(db, key);
    db.pragma('busy_timeout = 5000');
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB')
        throw new AppError('store.key.wrong');
      throw error;
    }
    db.prepare('VACUUM INTO ?').run(target);
    return { schemaVersion: schemaVersionOf(db) };
  } finally {
    db.close();
  }
}

/** The newest migration the database has: the schema its backup holds. */
export function schemaVersionOf(db: Database.Database): string {
  const row = db.prepare('SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1').get() as
    { name: string } | undefined;
  return row?.name ?? '';
}

/** The scan vault's sealed files, as `ab/abcd…` paths (temp files of writes in flight are left out). */
export function vaultFiles(vaultDir: string): string[] {
  if (!existsSync(vaultDir)) return [];
  const files: string[] = [];
  for (const folder of readdirSync(vaultDir).sort()) {
    if (!/^[0-9a-f]{2}$/.test(folder)) continue;
    for (const name of readdirSync(join(vaultDir, folder)).sort()) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(folder)) files.push(`${folder}/${name}`);
    }
  }
  return files;
}
