import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { expectAccessibleInBothSchemes } from './axe';
import { expect, test } from './fixtures';
import { conflict, stubSync, syncStatus, type SyncStub } from './sync-stub';

const screensDir = 'test-results/screens';

/** 14:30 in Moscow; the last sync of the stubbed states was at 14:05. */
const now = new Date('2026-11-25T11:30:00.000Z');
const lastSyncAt = '2026-11-25T11:05:00.000Z';

const statusBar = (page: Page) => page.getByRole('contentinfo');

/** Answers the sync calls from `stub` from the next page load on, at a fixed Moscow time. */
async function withStubbedSync(page: Page, initial: Parameters<typeof stubSync>[1]): Promise<SyncStub> {
  const stub = await stubSync(page, initial);
  await page.clock.setFixedTime(now);
  await page.reload();
  return stub;
}

async function openSyncPage(page: Page): Promise<void> {
  await statusBar(page).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Синхронизация' })).toBeVisible();
}

/** Offline since 14:05 with three changes waiting, two conflicts and one refused change. */
function troubledDesk() {
  return {
    status: syncStatus({
      status: 'offline',
      lastSyncAt,
      pending: 3,
      error: {
        code: 'sync.unreachable',
        message: {
          ru: 'Сервер синхронизации недоступен; изменения сохраняются локально',
          en: 'The sync server is unreachable; changes are kept locally',
        },
      },
      refused: [
        {
          table: 'patients',
          rowId: '0b9c6d2e-4f1a-4c3b-9d8e-7a6b5c4d3e2f',
          code: 'sync.field_not_allowed',
          field: 'snils',
          at: '2026-11-25T09:12:00.000Z',
        },
      ],
    }),
    conflicts: [
      conflict(),
      conflict({
        field: 'birth_date',
        patientName: 'Семёнов Игорь Васильевич',
        serverValue: '1962-11-02',
        deviceValue: '1962-02-11',
        deviceActor: 'Учётная запись рабочего места',
        deviceName: 'Регистратура, окно 1',
      }),
    ],
  };
}

test('with no sync server, the status bar says so and leads to a page that explains how a desk is connected', async ({
  page,
}) => {
  await expect(statusBar(page)).toContainText('Сервер синхронизации не подключён');
  await openSyncPage(page);
  const main = page.getByRole('main');
  await expect(main.getByRole('region', { name: 'Состояние' })).toContainText('Сервер синхронизации не подключён');
  await expect(main.getByRole('region', { name: 'Состояние' })).toContainText('ещё не было');

  const connect = main.getByRole('region', { name: 'Как подключить рабочее место к серверу' });
  await expect(connect).toContainText('medcard-server enrol-device --name "Регистратура, окно 1"');
  await expect(connect).toContainText('medcard enrol-desk --server URL --name "Регистратура, окно 1"');
  await expect(connect).toContainText('Перезапустите Medcard Desk');

  await expect(main.getByRole('heading', { name: 'Конфликтов нет' })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Изменения, которые сервер не принял' })).toContainText(
    'Сервер принял все отправленные изменения.',
  );
});

test('the sync page is reached with the keyboard alone, from Settings and from the status bar', async ({ page }) => {
  await page.getByRole('link', { name: 'Настройки' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Сервер синхронизации не подключён');
  const openSync = page.getByRole('link', { name: 'Открыть страницу синхронизации' });
  for (let i = 0; i < 20 && !(await openSync.evaluate((link) => link === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(openSync).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Синхронизация' })).toBeVisible();

  await page.getByRole('link', { name: 'Пациенты' }).click();
  const statusLink = statusBar(page).getByRole('link', { name: 'Сервер синхронизации не подключён' });
  await statusLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Синхронизация' })).toBeVisible();
});

test('the status bar shows the first sync as it goes, then the time of the last sync', async ({ page }) => {
  const stub = await withStubbedSync(page, {
    status: syncStatus({ status: 'syncing', progress: { phase: 'snapshot', done: 120_000, total: 1_000_000 } }),
  });
  await expect(statusBar(page)).toContainText(/Первая синхронизация: 120\s000 из 1\s000\s000/);
  await expect(statusBar(page).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '12');

  await openSyncPage(page);
  await expect(page.getByRole('main').getByRole('progressbar', { name: /Первая синхронизация/ })).toBeVisible();

  stub.status = syncStatus({ status: 'online', lastSyncAt });
  await expect(statusBar(page)).toContainText('Синхронизировано 14:05');
  await expect(statusBar(page).getByRole('progressbar')).toHaveCount(0);
});

test('offline: since when, and how many changes wait, in Russian plural forms', async ({ page }) => {
  const stub = await withStubbedSync(page, { status: syncStatus({ status: 'offline', lastSyncAt, pending: 1 }) });
  await expect(statusBar(page)).toContainText('Нет связи с сервером с 14:05, в очереди 1 изменение');
  stub.status = { ...stub.status, pending: 3 };
  await expect(statusBar(page)).toContainText('Нет связи с сервером с 14:05, в очереди 3 изменения');
  stub.status = { ...stub.status, pending: 5 };
  await expect(statusBar(page)).toContainText('Нет связи с сервером с 14:05, в очереди 5 изменений');
});

test('a refusing server is named with its reason', async ({ page }) => {
  await withStubbedSync(page, {
    status: syncStatus({
      status: 'refused',
      error: {
        code: 'sync.auth.revoked',
        message: { ru: 'Доступ рабочего места отозван', en: 'The workstation’s access has been revoked' },
      },
    }),
  });
  await expect(statusBar(page)).toContainText('Сервер отказал: Доступ рабочего места отозван');
  await openSyncPage(page);
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('Доступ рабочего места отозван');
  await expect(alert).toContainText('sync.auth.revoked');
  await expect(alert).toContainText('Обратитесь к администратору клиники');
});

test('refused changes are listed with the record, field, code and time, and said to be kept', async ({ page }) => {
  await withStubbedSync(page, troubledDesk());
  await openSyncPage(page);
  const refused = page.getByRole('region', { name: 'Изменения, которые сервер не принял' });
  await expect(refused).toContainText('Эти изменения сохранены на рабочем месте и не потеряны');
  const row = refused.getByRole('table').getByRole('row').nth(1);
  await expect(row).toContainText('Карта пациента');
  await expect(row).toContainText('0b9c6d2e-4f1a-4c3b-9d8e-7a6b5c4d3e2f');
  await expect(row).toContainText('Поле СНИЛС нельзя изменять с рабочего места');
  await expect(row).toContainText('sync.field_not_allowed');
  await expect(row).toContainText('25.11.2026 12:12');
});

test('sync.status is polled one request at a time, not while the tab is hidden, and at once when it shows again', async ({
  page,
}) => {
  const stub = await withStubbedSync(page, { status: syncStatus({ status: 'online', lastSyncAt }) });
  stub.statusDelayMs = 2500;
  await page.waitForTimeout(7000);
  expect(stub.statusRequests.maxOpen).toBe(1);

  stub.statusDelayMs = 0;
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  // An answer already on its way may still arrive; after that, silence.
  await page.waitForTimeout(3000);
  const whileHidden = stub.statusRequests.total;
  await page.waitForTimeout(4500);
  expect(stub.statusRequests.total).toBe(whileHidden);

  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => stub.statusRequests.total, { timeout: 1000 }).toBeGreaterThan(whileHidden);
});

test('the sync page has no serious or critical violations, light and dark, unconnected and with conflicts', async ({
  page,
}) => {
  await openSyncPage(page);
  await expect(page.getByRole('heading', { name: 'Конфликтов нет' })).toBeVisible();
  await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'sync-not-connected-axe' });

  await withStubbedSync(page, troubledDesk());
  await expect(page.getByRole('list', { name: 'Нерешённые конфликты' }).getByRole('listitem')).toHaveCount(2);
  await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'sync-offline-axe' });
});

const shots = [
  { width: 1366, height: 768, colorScheme: 'light', suffix: '1366x768' },
  { width: 1920, height: 1080, colorScheme: 'light', suffix: '1920x1080' },
] as const;

for (const shot of shots) {
  test.describe(`${shot.colorScheme} theme`, () => {
    test.use({ colorScheme: shot.colorScheme, viewport: { width: shot.width, height: shot.height } });

    test(`screenshots of the sync page at ${shot.suffix}${shot.width === 1366 ? '' : ' @screens'}`, async ({
      page,
    }) => {
      await mkdir(screensDir, { recursive: true });
      const shoot = (name: string) => page.screenshot({ path: `${screensDir}/${name}-${shot.suffix}.png` });

      await openSyncPage(page);
      await expect(page.getByRole('heading', { name: 'Конфликтов нет' })).toBeVisible();
      await shoot('sync-not-connected');

      await withStubbedSync(page, troubledDesk());
      await expect(page.getByRole('list', { name: 'Нерешённые конфликты' }).getByRole('listitem')).toHaveCount(2);
      await shoot('sync-offline');
      await page
        .getByRole('heading', { level: 2, name: 'Конфликты' })
        .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await shoot('sync-conflicts');
      await page
        .getByRole('region', { name: 'Изменения, которые сервер не принял' })
        .evaluate((region) => region.scrollIntoView({ block: 'end' }));
      await shoot('sync-refused');

      await withStubbedSync(page, {
        status: syncStatus({ status: 'syncing', progress: { phase: 'snapshot', done: 120_000, total: 1_000_000 } }),
      });
      await expect(statusBar(page)).toContainText(/Первая синхронизация/);
      await shoot('sync-first-sync');
    });
  });
}

test('the sync page in English, offline with conflicts, at 1366×768', async ({ page }) => {
  await page.getByRole('link', { name: 'Настройки' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await withStubbedSync(page, troubledDesk());
  await expect(statusBar(page)).toContainText('No connection to the server since 14:05, 3 changes waiting');
  await statusBar(page).getByRole('link', { name: 'Conflicts: 2' }).click();
  await expect(page.getByRole('list', { name: 'Unresolved conflicts' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('main')).toContainText('Field “Birth date”');
  await expect(page.getByRole('main')).toContainText('Desk setup account, 25.11.2026 13:58');
  await mkdir(screensDir, { recursive: true });
  await page.screenshot({ path: `${screensDir}/sync-conflicts-1366x768-en.png` });
});
