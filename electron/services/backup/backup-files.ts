import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backupFileTime } from '../../../shared/backup/backup-file';

/** Where a desk's backups go unless told otherwise: `desk.db.backups/` beside the database. */
export function defaultBackupDir(dbPath: string): string {
  return `${dbPath}.backups`;
}

export interface BackupFile {
  name: string;
  path: string;
  createdAt: Date;
  size: number;
}

/**
 * The backups in a folder, newest first. A file gets its final name only after it was verified
 * (make-backup.ts), so every file listed here passed its verification when it was made.
 */
export function listBackupFiles(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  const files: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const createdAt = backupFileTime(name);
    if (!createdAt) continue;
    const path = join(dir, name);
    files.push({ name, path, createdAt, size: statSync(path).size });
  }
  return files.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
