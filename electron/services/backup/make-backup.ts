import { closeSync, createWriteStream, fsyncSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { backupFileName } from '../../../shared/backup/backup-file';
import { AppError } from '../../../shared/errors/app-error';
import type { Clock } from '../../store/clock';
import type { Store } from '../../store/open-store';
import { recordBackupLog } from '../../store/local-writers/backup-log';
import { scanVaultDir } from '../scans/scan-vault';
import { writeContainer, openContainer, unpackContainer, type PackedPart } from './backup-container';
import { deriveBackupKeys } from './backup-keys';
import type { ProgressSink } from './backup-progress';
import { readBackupSettings } from './backup-settings-store';
import { rotateBackups } from './rotate-backups';
import { snapshotDatabase, vaultFiles } from './desk-snapshot';
import { hashFile } from './part-stream';
import { verifyCopy, type CopyVerdict } from './verify-copy';
import { deskIdOf } from './desk-id';

export interface BackupOptions {
  store: Store;
  clock: Clock;
  key: Buffer;
  outDir: string;
  onProgress?: ProgressSink;
  /** Opens the file under its temp name; a test hands in a stream that fails like a full disk. */
  openSink?: (path: string) => Writable;
}

export interface BackupResult {
  file: string;
  size: number;
  verdict: CopyVerdict;
  durationMs: number;
  removed: string[];
}

/**
 * Makes one backup: a consistent snapshot of the database and the vault's files, packed into one
 * file under a temp name, flushed, unpacked again into a scratch folder and verified (verify-copy.ts),
 * and only then renamed to its final name. Any failure (a full disk, a failed verification)
 * leaves no file under a backup's name and nothing changed in the working database; the verdict
 * is recorded either way, and old backups are rotated by the settings.
 */
export async function makeBackup(options: BackupOptions): Promise<BackupResult> {
  const { store, clock, key } = options;
  const started = performance.now();
  const createdAt = clock.now();
  const progress = options.onProgress ?? (() => undefined);
  const name = backupFileName(createdAt);
  const final = join(options.outDir, name);
  const temp = `${final}.tmp`;
  mkdirSync(options.outDir, { recursive: true, mode: 0o700 });
  const scratch = mkdtempSync(join(options.outDir, '.scratch-'));
  const record = (ok: boolean, size: number, report: unknown) =>
    store.transaction((tx) =>
      recordBackupLog(tx, {
        kind: 'backup',
        file: final,
        at: createdAt.toISOString(),
        ok,
        size,
        durationMs: performance.now() - started,
        report,
      }),
    );
  try {
    const deskId = store.read((tx) => deskIdOf(tx));
    progress({ phase: 'snapshot', bytesDone: 0, bytesTotal: 0, partsDone: 0, partsTotal: 0 });
    const snapshot = join(scratch, 'snapshot.db');
    const { schemaVersion } = snapshotDatabase(store.path, key, snapshot);
    const vaultDir = scanVaultDir(store.path);
    const parts: PackedPart[] = [
      { kind: 'database', name: 'desk.db', source: snapshot, ...(await hashFile(snapshot)) },
    ];
    for (const file of vaultFiles(vaultDir)) {
      const source = join(vaultDir, file);
      parts.push({ kind: 'scan', name: file, source, ...(await hashFile(source)) });
    }
    const keys = deriveBackupKeys(key);
    const sink = (options.openSink ?? ((path) => createWriteStream(path, { flags: 'wx', mode: 0o600 })))(temp);
    const size = await writeContainer(sink, { keys, deskId, createdAt, schemaVersion, parts }, progress);
    flush(temp);
    rmSync(snapshot, { force: true });

    progress({ phase: 'verify', bytesDone: 0, bytesTotal: size, partsDone: 0, partsTotal: parts.length });
    const opened = await openContainer(temp, keys, deskId);
    const unpacked = await unpackContainer(temp, opened, join(scratch, 'check'), progress);
    const verdict = await verifyCopy(unpacked.dbPath, key);
    if (!verdict.ok) {
      rmSync(temp, { force: true });
      record(false, size, verdict);
      throw new AppError('backup.verify_failed', { params: { file: final } });
    }
    renameSync(temp, final);
    flush(options.outDir);
    record(true, size, verdict);
    progress({ phase: 'rotate', bytesDone: size, bytesTotal: size, partsDone: parts.length, partsTotal: parts.length });
    const removed = rotateBackups(
      options.outDir,
      store.read((tx) => readBackupSettings(tx)),
    );
    return { file: final, size, verdict, durationMs: performance.now() - started, removed };
  } catch (error) {
    rmSync(temp, { force: true });
    if (!(error instanceof AppError && error.code === 'backup.verify_failed')) {
      const failure = error instanceof AppError ? error.code : ((error as NodeJS.ErrnoException).code ?? 'error');
      record(false, 0, { failure });
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC')
      throw new AppError('backup.disk_full', { params: { dir: options.outDir } });
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** fsync of a file or a folder (after a rename, the folder's entry). */
function flush(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
