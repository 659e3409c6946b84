import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';
import { newId } from '../ids';

/** Per-desk writer: a backup or a restore drill this desk made, with its verdict (issue 15). */
export interface BackupLogEntry {
  kind: 'backup' | 'drill';
  file: string;
  at: string;
  ok: boolean;
  size: number;
  durationMs: number;
  report: unknown;
}

export function recordBackupLog(tx: Tx, entry: BackupLogEntry): void {
  rawTx(tx).run(
    'INSERT INTO backup_log (id, kind, file, at, ok, size, duration_ms, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      newId(),
      entry.kind,
      entry.file,
      entry.at,
      entry.ok ? 1 : 0,
      entry.size,
      Math.round(entry.durationMs),
      JSON.stringify(entry.report),
    ],
  );
}
