import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { openStore, type Store } from '../../electron/store/open-store';
import { deskName } from './fixtures';

/**
 * A fresh SQLCipher desk in a temporary folder, made ready by `prepare` (dictionaries imported,
 * enrolled with a server…) and then served by the real browser host for one test. Removed after.
 */
export async function usePreparedDesk(
  folderPrefix: string,
  prepare: (store: Store) => Promise<void> | void,
  use: (host: BrowserHost) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), folderPrefix));
  const dbPath = join(dir, 'desk.db');
  const key = randomBytes(32);
  const store = await openStore({ path: dbPath, key, create: true });
  try {
    await prepare(store);
  } finally {
    await store.close();
  }
  const host = await startBrowserHost({
    dbPath,
    key,
    create: false,
    rendererDir: resolve('dist/renderer'),
    port: 0,
    deviceName: deskName,
  });
  try {
    await use(host);
  } finally {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  }
}
