import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors/app-error';
import { applyKey } from '../../store/open-store';

/**
 * Takes the database for this process alone: a connection in exclusive locking mode that begins
 * an exclusive transaction. Any other open connection — the desk's host, its sync worker, another
 * CLI — makes it fail at once (`backup.db_in_use`); held, it keeps them out until released.
 * A database whose first page cannot be read is not locked (see below).
 */
export function lockDatabaseExclusively(dbPath: string, key: Buffer): { release: () => void } {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    applyKey(db, key);
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY') {
      throw new AppError('backup.db_in_use', { params: { path: dbPath } });
    }
    // A database too damaged to read its first page (what a restore is for) cannot be locked
    // this way; no desk can work on it either, so the restore goes on without the lock.
    if (error instanceof Database.SqliteError && /^SQLITE_(NOTADB|CORRUPT)/.test(error.code)) {
      return { release: () => undefined };
    }
    throw error;
  }
  return {
    release: () => {
      if (!db.open) return;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}
