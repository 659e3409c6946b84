import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { SearchProvider } from '../search/search-context';
import { SyncStatusProvider } from '../sync/sync-status-context';
import { createAppRouter } from './router';
import { useSessionControl, type Session } from './session';
import { useIdleLock } from './use-idle-lock';

/**
 * The desk itself, for a signed-in person whose screen is not locked. Everything it keeps (the
 * search, the sync state, the router) lives inside it, so unmounting it at the lock or at a
 * switch of user leaves nothing of the previous screen behind.
 */
export function DeskApp({ session }: { session: Session }) {
  const [router] = useState(createAppRouter);
  const { lock } = useSessionControl();
  useIdleLock(session.lockAfterMinutes, () => void lock());
  return (
    <SyncStatusProvider>
      <SearchProvider>
        <RouterProvider router={router} />
      </SearchProvider>
    </SyncStatusProvider>
  );
}
