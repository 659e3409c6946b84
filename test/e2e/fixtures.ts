import { test as base, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import type { Store } from '../../electron/store/open-store';
import { writeSetting } from '../../electron/store/settings';
import type { Role } from '../../shared/auth/permissions';
import { signedInAs, type StaffMember } from '../support/staff-over-api';
import { usePreparedDesk } from './prepared-desk';
import { callOver } from './staff';
import { holdTabCookie } from './tab-cookie';

export const deskName = 'Регистратура, окно 1';

/** The first admin and the person signed in (the admin again when the role is admin). */
export interface DeskStaff {
  admin: StaffMember;
  person: StaffMember;
}

/**
 * Each test gets its own desk: a fresh SQLCipher file with a random key in a temp folder, served
 * by the real browser host on a random port. The launch secret is traded once for the tab's
 * cookie, which both the test's browser `context` and the contract calls from Node hold (a second
 * client gets nothing: see host-secret.spec.ts). `staff` sets the desk up through the contract
 * (the first admin with a key, a person of `role`) and leaves that person signed in; `page` opens
 * the host's address (with its secret) after that, so it starts on the desk itself. A test that
 * needs the sign-in or set-up screens opens its own page of `context` and leaves `page` alone.
 */
export const test = base.extend<{
  desk: BrowserHost;
  role: Role;
  /** The desk's own settings written before it opens (e.g. an alert policy a test must not depend on the hour for). */
  deskSettings: Record<string, unknown>;
  staff: DeskStaff;
}>({
  role: ['clerk', { option: true }],
  deskSettings: [{}, { option: true }],
  desk: async ({ deskSettings }, use) => {
    const settings = Object.entries(deskSettings);
    if (settings.length > 0) {
      const writeSettings = (store: Store) =>
        store.transaction((tx) => settings.forEach(([name, value]) => writeSetting(tx, name, value)));
      return usePreparedDesk('medcard-e2e-', writeSettings, use);
    }
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
  // Depends on `desk`, so it closes (with the sockets Chromium opened ahead of time) before the host.
  context: async ({ context, desk }, use) => {
    await holdTabCookie(context, desk);
    await use(context);
  },
  staff: async ({ desk, role }, use) => {
    await use(await signedInAs(callOver(desk), desk.origin, role));
  },
  // `desk` first: fixtures are torn down in reverse order, so the browser context (and any
  // socket Chromium opened ahead of time) is gone before the host closes.
  page: async ({ desk, staff: _signedIn, page }, use) => {
    await page.goto(desk.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await use(page);
  },
});

export { expect };
