import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bindableAccess } from '../../electron/browser-host/prf-host-key';
import { startBrowserHost, type BrowserHost, type BrowserHostOptions } from '../../electron/browser-host/server';
import { deskPaths } from '../../electron/core/desk-paths';
import { readBoundKeys } from '../../electron/host/prf-bound-keys';
import { signedInAs } from '../support/staff-over-api';
import { deskName, expect, test } from './fixtures';
import { callOver } from './staff';
import { holdTabCookie } from './tab-cookie';

const recoveryKeyText = /^([0-9A-Z]{4} ){13}[0-9A-Z]{4}$/;

test('an admin binds the database key to a hardware key (PRF), sees the recovery key once, and the restarted desk opens after a touch', async ({
  browser,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'medcard-e2e-db-key-'));
  const paths = deskPaths({ MEDCARD_HOME: dir });
  const hostOn = (options: Pick<BrowserHostOptions, 'key' | 'port'>): Promise<BrowserHost> =>
    startBrowserHost({
      dbPath: paths.dbPath,
      create: true,
      rendererDir: resolve('dist/renderer'),
      deviceName: deskName,
      databaseKey: (key) => bindableAccess(paths, key, () => undefined),
      ...options,
    });
  let host = await hostOn({ key: randomBytes(32), port: 0 });
  const context = await browser.newContext();
  try {
    await signedInAs(callOver(host), host.origin, 'admin');
    await holdTabCookie(context, host);
    const page = await context.newPage();
    // Chromium's virtual authenticator with PRF (CTAP2 hmac-secret), touched at once when asked.
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'usb',
        hasResidentKey: true,
        // The key's PIN is asked (and taken) each time: PRF answers only after user verification.
        hasUserVerification: true,
        isUserVerified: true,
        hasPrf: true,
        automaticPresenceSimulation: true,
      },
    });

    await page.goto(`${host.origin}/#/settings`);
    const card = page.getByRole('region', { name: 'Ключ базы данных' });
    await expect(card.getByRole('status')).toContainText('Ни один аппаратный ключ не привязан');
    await card.getByRole('textbox', { name: 'Чей ключ' }).fill('Ключ администратора');
    await card.getByRole('button', { name: 'Привязать аппаратный ключ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ключ восстановления' });
    const shown = (await dialog.getByLabel('Ключ восстановления').innerText()).trim();
    expect(shown).toMatch(recoveryKeyText);
    await dialog.getByRole('button', { name: 'Я сохранил(а) ключ' }).click();
    await expect(card.getByRole('status')).toContainText('Привязан 1 аппаратный ключ');
    await expect(card).toContainText('Ключ администратора');
    await expect(card).toContainText('Ключ восстановления создан');
    // Shown once: the page reloaded says a recovery key exists, never which.
    await page.reload();
    await expect(card).toContainText('Ключ восстановления создан');
    await expect(page.getByText(shown)).toHaveCount(0);

    // The desk restarts: the host finds the key bound and opens nothing until a touch.
    const port = Number(new URL(host.origin).port);
    await host.close();
    const boundKeys = readBoundKeys(paths.boundKeysFile);
    if (!boundKeys) throw new Error('the bound-keys file');
    host = await hostOn({ key: { boundKeys }, port });
    await holdTabCookie(context, host);
    await page.goto(`${host.origin}/`);
    await expect(page.getByRole('heading', { level: 1, name: 'База данных закрыта' })).toBeVisible();
    await page.getByRole('button', { name: 'Коснуться ключа' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
  } finally {
    await context.close();
    await host.close();
    await rm(dir, { recursive: true, force: true });
  }
});
