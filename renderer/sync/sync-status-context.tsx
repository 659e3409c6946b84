import { createContext, useContext, type ReactNode } from 'react';
import type { SyncStatus } from '../../shared/api/sync-status';
import { usePolledQuery, type PolledQuery } from '../api/use-polled-query';

/** Often enough that the status bar feels live, rare enough to cost the desk nothing. */
const pollIntervalMs = 2000;

const SyncStatusContext = createContext<PolledQuery<SyncStatus> | null>(null);

/** One poll of `sync.status` for the whole window: the status bar, settings and the sync page. */
export function SyncStatusProvider({ children }: { children: ReactNode }) {
  const status = usePolledQuery((api) => api.sync.status({}), pollIntervalMs);
  return <SyncStatusContext.Provider value={status}>{children}</SyncStatusContext.Provider>;
}

export function useSyncStatus(): PolledQuery<SyncStatus> {
  const status = useContext(SyncStatusContext);
  if (!status) throw new Error('useSyncStatus() outside <SyncStatusProvider>');
  return status;
}
