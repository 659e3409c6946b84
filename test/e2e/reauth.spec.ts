import { test, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBrowserHost } from '../../electron/browser-host/server';
import { openStore } from '../../electron/store/open-store';
import { writeSetting } from '../../electron/store/settings';
import { signedInAs } from '../support/staff-over-api';
import { deskName } from './fixtures';
import { callOver } from './staff';
import { holdTabCookie } from './tab-cookie';

test('new recovery codes half an hour after sign-in: the desk asks the password first, then goes on (issue 10)', async ({
  context,
  page,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'medcard-e2e-reauth-'));
  const dbPath = join(dir, 'desk.db');
  const key = randomBytes(32);
  const store = await openStore({ path: dbPath, key, create: true });
  // Long enough that moving the core's clock does not lock the screen instead.
  store.transaction((tx) => writeSetting(tx, 'auth.idleLockMinutes', 240));
  await store.close();
  let offset = 0;
  const host = await startBrowserHost({
    dbPath,
    key,
    create: false,
    rendererDir: resolve('dist/renderer'),
    port: 0,
    deviceName: deskName,
    clock: { now: () => new Date(Date.now() + offset) },
  });
  try {
    await holdTabCookie(context, host);
    const { person } = await signedInAs(callOver(host), host.origin, 'clerk');
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Моя учётная запись' }).click();
    offset = 30 * 60_000;

    const codes = page.getByRole('region', { name: 'Коды восстановления' });
    await codes.getByRole('button', { name: 'Выпустить новые коды' }).click();
    await codes.getByRole('button', { name: 'Да, выпустить новые коды' }).click();
    const dialog = page.getByRole('dialog', { name: 'Подтвердите, что это вы' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Пароль').fill('Wrong#password1');
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(dialog.getByRole('alert')).toContainText('auth.failed');
    await dialog.getByLabel('Пароль').fill(person.password);
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(dialog).toBeHidden();
    await expect(codes.getByRole('list', { name: 'Коды восстановления' }).getByRole('listitem')).toHaveCount(10);
  } finally {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  }
});
