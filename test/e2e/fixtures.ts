import { test as base, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';

export const deskName = 'Регистратура, окно 1';

/**
 * Each test gets its own desk: a fresh SQLCipher file with a random key in a temp folder, served
 * by the real browser host, and a page already open at the host's address (with its secret).
 */
export const test = base.extend<{ desk: BrowserHost }>({
  // Playwright reads a fixture's dependencies from its first parameter; this one has none.
  // eslint-disable-next-line no-empty-pattern
  desk: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'medcard-e2e-'));
    const host = await startBrowserHost({
      dbPath: join(dir, 'desk.db'),
      key: randomBytes(32),
      create: true,
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
  },
  // `desk` first: fixtures are torn down in reverse order, so the browser context (and any
  // socket Chromium opened ahead of time) is gone before the host closes.
  page: async ({ desk, page }, use) => {
    await page.goto(desk.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await use(page);
  },
});

export { expect };
