import { test as base, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { openStore } from '../../electron/store/open-store';
import { enrolDesk } from '../../electron/sync/enrol-desk';
import { startSyncServer, type SyncServer } from '../sync/sync-harness';
import { signedInAs } from '../support/staff-over-api';
import { deskName } from './fixtures';
import { callOver } from './staff';

/**
 * A desk enrolled with a real central server (PGlite, in this process) and served by the real
 * browser host, whose sync worker thread talks to that server like at a clinic.
 */
export const test = base.extend<{ server: SyncServer; desk: BrowserHost }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startSyncServer();
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
  desk: async ({ server }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'medcard-e2e-sync-'));
    const dbPath = join(dir, 'desk.db');
    const key = randomBytes(32);
    const store = await openStore({ path: dbPath, key, create: true });
    await enrolDesk(store, { servers: [server.url], code: await server.enrolCode(), name: deskName });
    await store.close();
    const host = await startBrowserHost({ dbPath, key, create: false, rendererDir: resolve('dist/renderer'), port: 0, deviceName: deskName });
    try {
      await use(host);
    } finally {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
  // A clerk set up and signed in through the contract before the page opens (see fixtures.ts).
  page: async ({ desk, page }, use) => {
    await signedInAs(callOver(desk), desk.origin, 'clerk');
    await page.goto(desk.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await use(page);
  },
});

export { expect };
