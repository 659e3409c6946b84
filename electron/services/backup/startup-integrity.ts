import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/errors/app-error';
import { applyKey, integrityPassed } from '../../store/open-store';
import { defaultBackupDir, listBackupFiles } from './backup-files';

/** The mark a desk leaves when it closed its database cleanly (removed again when it opens it). */
export function cleanCloseMark(dbPath: string): string {
  return `${dbPath}.closed-cleanly`;
}

/** Leaves the mark: the next start may skip the check (the database was closed whole). */
export function markCleanClose(dbPath: string, at: Date): void {
  writeFileSync(cleanCloseMark(dbPath), `${at.toISOString()}\n`, { mode: 0o600 });
}

/**
 * The start-up check of a desk that was not closed cleanly (killed, a power cut, a crash): a clean
 * close leaves a mark, and a start that finds it only removes it — `quick_check` reads the whole
 * file (50 s at 1,000,000 patients, bench/RESULTS.md), and every backup checks its copy in full.
 */
export function refuseDamagedAfterUncleanClose(dbPath: string, key: Buffer | null): void {
  const mark = cleanCloseMark(dbPath);
  if (existsSync(mark)) {
    rmSync(mark);
    return;
  }
  refuseDamagedDatabase(dbPath, key);
}

/**
 * The start-up check (issue 15, item 3): `PRAGMA quick_check` on the desk's database before it is
 * opened for writing. A database that fails is refused with `store.integrity_failed`, naming the
 * newest verified backup and the command that restores it. A missing file or a wrong key is left
 * to the store's own refusals.
 */
export function refuseDamagedDatabase(dbPath: string, key: Buffer | null, backupDir = defaultBackupDir(dbPath)): void {
  if (!existsSync(dbPath)) return;
  const problems = quickCheck(dbPath, key);
  if (problems === null || integrityPassed(problems)) return;
  const newest = listBackupFiles(backupDir)[0];
  throw new AppError('store.integrity_failed', {
    params: {
      path: dbPath,
      backup: newest?.path ?? '—',
      command: newest ? `medcard restore ${newest.path} --db ${dbPath}` : 'medcard restore FILE --db ' + dbPath,
    },
  });
}

/** The check's lines, or null when the file could not be read as a database at all with this key. */
function quickCheck(dbPath: string, key: Buffer | null): string[] | null {
  let db: Database.Database;
  try {
    db = new Database(dbPath, { fileMustExist: true });
  } catch {
    return null;
  }
  try {
    if (key) applyKey(db, key);
    return (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB') return null;
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CORRUPT') return [error.message];
    throw error;
  } finally {
    db.close();
  }
}
