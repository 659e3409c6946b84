import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import { scanVaultDir } from '../scans/scan-vault';
import { openContainer, unpackContainer } from './backup-container';
import { deriveBackupKeys } from './backup-keys';
import type { ProgressSink } from './backup-progress';
import { lockDatabaseExclusively } from './exclusive-lock';
import { verifyCopy, type CopyVerdict } from './verify-copy';

export interface RestoreResult {
  /** Where the database that was replaced now lies (`desk.db.before-restore-<time>`). */
  keptAs: string;
  verdict: CopyVerdict;
}

const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * Restores a backup over the desk's database: checked (desk, key, every part's hash), unpacked
 * into a new folder next to the database, verified, and only then swapped in; the database it
 * replaces is kept as `desk.db.before-restore-<time>` (and its vault beside it). Refused while
 * any other process has the database open (`backup.db_in_use`). The restored database keeps its
 * sync cursor and outbox as they were in the backup: the desk pulls what it lacks and pushes its
 * outbox again, which the server takes once (idempotent by mutation id).
 */
export async function restoreBackup(options: {
  file: string;
  dbPath: string;
  key: Buffer;
  /** The current desk's id; null when its database is missing or unreadable (the key check alone then vouches). */
  deskId: string | null;
  now: Date;
  onProgress?: ProgressSink;
}): Promise<RestoreResult> {
  const { dbPath, key } = options;
  const progress = options.onProgress ?? (() => undefined);
  // The file is checked before anything else: a refused file touches nothing.
  const opened = await openContainer(options.file, deriveBackupKeys(key), options.deskId);
  const lock = existsSync(dbPath) ? lockDatabaseExclusively(dbPath, key) : null;
  const scratch = mkdtempSync(join(dirname(dbPath), `.${basename(dbPath)}.restore-`));
  try {
    const unpacked = await unpackContainer(options.file, opened, scratch, progress);
    progress({ phase: 'verify', bytesDone: 0, bytesTotal: 0, partsDone: 0, partsTotal: 0 });
    const verdict = await verifyCopy(unpacked.dbPath, key);
    if (!verdict.ok) throw new AppError('backup.restore_failed');
    const keptAs = `${dbPath}.before-restore-${stamp(options.now)}`;
    const vaultDir = scanVaultDir(dbPath);
    lock?.release();
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, keptAs + suffix);
    }
    if (existsSync(vaultDir)) renameSync(vaultDir, scanVaultDir(keptAs));
    renameSync(unpacked.dbPath, dbPath);
    if (existsSync(unpacked.vaultDir)) renameSync(unpacked.vaultDir, vaultDir);
    return { keptAs, verdict };
  } finally {
    lock?.release();
    rmSync(scratch, { recursive: true, force: true });
  }
}
