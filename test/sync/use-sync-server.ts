import { afterAll, afterEach, beforeAll } from 'vitest';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from './sync-harness';

// Apart from sync-harness.ts, which the Playwright suite imports too: only vitest files may register vitest hooks.

/**
 * A sync server started before the file's tests and stopped after them, and the desks a test
 * opens against it (`openDesk`), closed after each test.
 */
export function useSyncServer(): { readonly server: SyncServer; openDesk(name: string): Promise<SyncDesk> } {
  let server: SyncServer;
  let desks: SyncDesk[] = [];
  beforeAll(async () => {
    server = await startSyncServer();
  });
  afterAll(() => server.stop());
  afterEach(async () => {
    for (const desk of desks) await desk.cleanup();
    desks = [];
  });
  return {
    get server() {
      return server;
    },
    async openDesk(name) {
      const desk = await openSyncDesk(server, name);
      desks.push(desk);
      return desk;
    },
  };
}
