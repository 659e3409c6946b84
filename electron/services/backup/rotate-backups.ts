import { rmSync } from 'node:fs';
import { backupsToKeep } from '../../../shared/backup/rotation';
import { listBackupFiles } from './backup-files';

/**
 * Deletes the backups the settings no longer keep (shared/backup/rotation.ts). Only verified
 * files carry a backup's name, and the newest is always kept. Returns the names removed.
 */
export function rotateBackups(dir: string, keep: { keepDaily: number; keepWeekly: number }): string[] {
  const files = listBackupFiles(dir);
  const kept = backupsToKeep(files, keep);
  const removed: string[] = [];
  for (const file of files) {
    if (kept.has(file.name)) continue;
    rmSync(file.path, { force: true });
    removed.push(file.name);
  }
  return removed;
}
