import type { BackupProgress } from '../../../shared/api/backup-calls';

export type ProgressSink = (progress: BackupProgress) => void;
