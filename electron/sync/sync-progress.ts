/** What the sync worker tells the UI (status bar and sync page). */
export interface SyncState {
  status: 'not_configured' | 'connecting' | 'syncing' | 'online' | 'offline' | 'refused';
  server: string | null;
  lastSyncAt: string | null;
  /** Set when the last attempt failed; kept until the next success. */
  error: { code: string; message: { ru: string; en: string } } | null;
  /** `dictionary`: a published dictionary's file coming down, in KiB. */
  progress: { phase: 'snapshot' | 'push' | 'pull' | 'dictionary'; done: number; total: number | null } | null;
}

export const initialSyncState: SyncState = { status: 'not_configured', server: null, lastSyncAt: null, error: null, progress: null };

export type ProgressReporter = (progress: SyncState['progress']) => void;
