import { localize, type ErrorCode } from '../../shared/errors/catalog';
import type { ErrorParams } from '../../shared/errors/app-error';

/** What the sync worker tells the UI (status bar and sync page). */
export interface SyncState {
  status: 'not_configured' | 'connecting' | 'syncing' | 'online' | 'offline' | 'refused';
  server: string | null;
  lastSyncAt: string | null;
  /**
   * Set when the last attempt failed; kept until the next success. The code is the server's when
   * it refused (a newer server may send one this desk does not know), else the desk's: syncFailure.
   */
  error: { code: string; message: { ru: string; en: string } } | null;
  /** `dictionary`: a published dictionary's file coming down, in KiB. */
  progress: { phase: 'snapshot' | 'push' | 'pull' | 'dictionary'; done: number; total: number | null } | null;
}

export const initialSyncState: SyncState = {
  status: 'not_configured',
  server: null,
  lastSyncAt: null,
  error: null,
  progress: null,
};

/** A failure the desk names itself: a catalogue code and its text. */
export function syncFailure(code: ErrorCode, params?: ErrorParams): NonNullable<SyncState['error']> {
  return { code, message: localize(code, params) };
}

export type ProgressReporter = (progress: SyncState['progress']) => void;
