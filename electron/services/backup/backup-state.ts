import type { BackupLogEntry } from '../../store/local-writers/backup-log';
import type { ReadTx } from '../../store/open-store';

/** The newest backup and drill and their verdicts, as the health page shows them (ISO times or null). */
export interface BackupState {
  lastBackupAt: string | null;
  lastBackupOk: boolean | null;
  lastDrillAt: string | null;
  lastDrillOk: boolean | null;
}

export function lastBackupState(tx: ReadTx): BackupState {
  const newest = (kind: 'backup' | 'drill') =>
    tx.get<{ at: string; ok: number }>('SELECT at, ok FROM backup_log WHERE kind = ? ORDER BY at DESC LIMIT 1', [kind]);
  const backup = newest('backup');
  const drill = newest('drill');
  return {
    lastBackupAt: backup?.at ?? null,
    lastBackupOk: backup ? backup.ok === 1 : null,
    lastDrillAt: drill?.at ?? null,
    lastDrillOk: drill ? drill.ok === 1 : null,
  };
}

/** The desk's backup log, newest first (the screen's list): what the writer recorded. */
export type BackupLogRow = BackupLogEntry;

export function backupLog(tx: ReadTx, limit: number): BackupLogRow[] {
  return tx
    .all<{
      kind: 'backup' | 'drill';
      file: string;
      at: string;
      ok: number;
      size: number;
      duration_ms: number;
      report: string;
    }>('SELECT kind, file, at, ok, size, duration_ms, report FROM backup_log ORDER BY at DESC, id DESC LIMIT ?', [
      limit,
    ])
    .map((row) => ({
      kind: row.kind,
      file: row.file,
      at: row.at,
      ok: row.ok === 1,
      size: row.size,
      durationMs: row.duration_ms,
      report: JSON.parse(row.report) as unknown,
    }));
}
