import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors/app-error';
import { applyKey } from '../../store/open-store';

/**
 * Proves that `key` opens the database at `dbPath`: a second, read-only connection reads its
 * schema. What binding checks before it deletes the copy kept before (`db_key.not_open`).
 */
export function proveKeyOpens(dbPath: string, key: Buffer): void {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  } catch {
    throw new AppError('db_key.not_open');
  } finally {
    db.close();
  }
}
