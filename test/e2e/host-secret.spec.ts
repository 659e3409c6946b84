import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBrowserHost } from '../../electron/browser-host/server';
import { deskName, expect, test } from './fixtures';

test('the launch secret leaves the address bar, the cookie is out of scripts’ reach, and a reload still works', async ({
  page,
}) => {
  await expect(page).toHaveURL(/#\/patients$/);
  expect(page.url()).not.toContain('token=');
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await page.reload();
  await expect(page.getByRole('contentinfo')).toContainText(`Рабочее место: ${deskName}`);
});

test('a second client with the printed URL after the exchange gets nothing: it says the secret is spent', async ({
  page: _staffTab,
  browser,
  desk,
}) => {
  const other = await browser.newContext();
  try {
    const attacker = await other.newPage();
    await attacker.goto(desk.url);
    const spent = attacker.getByRole('alert');
    await expect(spent).toContainText('Рабочее место не подключено к своей базе');
    await expect(spent).toContainText('host.token_spent');
    await expect(spent).toContainText('уже обменян');
    await attacker.goto(`${desk.origin}/`);
    await attacker.reload();
    const bare = attacker.getByRole('alert');
    await expect(bare).toContainText('Сеанс рабочего места недействителен');
    await expect(bare).toContainText('host.unauthorized');
    await expect(bare).toContainText('#token=');
  } finally {
    await other.close();
  }
});

test('the tab that opens the printed address trades the secret itself, and a later tab elsewhere is refused', async ({
  browser,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'medcard-e2e-launch-'));
  const host = await startBrowserHost({
    dbPath: join(dir, 'desk.db'),
    key: randomBytes(32),
    create: true,
    rendererDir: resolve('dist/renderer'),
    deviceName: deskName,
  });
  const staff = await browser.newContext();
  const other = await browser.newContext();
  try {
    const tab = await staff.newPage();
    await tab.goto(host.url);
    // A new desk: the first run's set-up, reached through the tab's own cookie.
    await expect(tab.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(tab.getByRole('alert')).toHaveCount(0);
    const [cookie] = await staff.cookies(host.origin);
    expect(cookie).toMatchObject({ name: 'medcard_tab', httpOnly: true, sameSite: 'Strict', expires: -1 });
    const late = await other.newPage();
    await late.goto(host.url);
    await expect(late.getByRole('alert')).toContainText('host.token_spent');
    await tab.reload();
    await expect(tab.getByRole('alert')).toHaveCount(0);
    await expect(tab.getByRole('heading', { level: 1 })).toBeVisible();
  } finally {
    await staff.close();
    await other.close();
    await host.close();
    await rm(dir, { recursive: true, force: true });
  }
});
