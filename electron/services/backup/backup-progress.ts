/** What a backup, a restore or a drill reports while it works (the screen's bar, the CLI's line). */
export interface BackupProgress {
  phase: 'snapshot' | 'write' | 'verify' | 'unpack' | 'rotate';
  bytesDone: number;
  bytesTotal: number;
  partsDone: number;
  partsTotal: number;
}

export type ProgressSink = (progress: BackupProgress) => void;
