import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listenOnLoopback } from '../../electron/browser-host/loopback-listen';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { openStore, type Store } from '../../electron/store/open-store';
import { deskName } from './fixtures';

/**
 * A fresh SQLCipher desk in a temporary folder, made ready by `prepare` (dictionaries imported,
 * enrolled with a server…) and then served by the real browser host for one test. Removed after.
 */
export async function usePreparedDesk(
  folderPrefix: string,
  prepare: (store: Store, host: { origin: string }) => Promise<void> | void,
  use: (host: BrowserHost) => Promise<void>,
): Promise<void> {
  // The port is chosen first, so that what `prepare` makes for the page (a key for its origin) fits.
  const port = await freeLoopbackPort();
  const origin = `http://localhost:${port}`;
  const dir = await mkdtemp(join(tmpdir(), folderPrefix));
  const dbPath = join(dir, 'desk.db');
  const key = randomBytes(32);
  const store = await openStore({ path: dbPath, key, create: true });
  try {
    await prepare(store, { origin });
  } finally {
    await store.close();
  }
  const host = await startBrowserHost({
    dbPath,
    key,
    create: false,
    rendererDir: resolve('dist/renderer'),
    port,
    deviceName: deskName,
  });
  try {
    await use(host);
  } finally {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A port free on both loopback families now (the host takes it again a moment later). */
async function freeLoopbackPort(): Promise<number> {
  const probe = await listenOnLoopback(() => undefined, undefined);
  await probe.close();
  return probe.port;
}
