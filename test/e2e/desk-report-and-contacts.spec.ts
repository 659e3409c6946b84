import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import type { Store } from '../../electron/store/open-store';
import { rawTx } from '../../electron/store/raw-tx';
import { seriousViolations } from './axe';
import { expect, test as deskTest } from './fixtures';
import { usePreparedDesk } from './prepared-desk';
import { searchBox } from './patients';
import { seedPatients } from './seed';

const screensDir = 'test-results/screens';
const hourMs = 3_600_000;

/**
 * Applications as sync brings them to a desk, over the last ten weeks: each opened within hours,
 * most approved and activated, some denied (one supplied and approved), a few marked overdue.
 */
function syncedApplications(store: Store): void {
  const now = Date.now();
  const at = (ms: number) => new Date(ms).toISOString();
  const reasons = ['no_identity', 'no_consent', 'legal_restriction', 'confidentiality'];
  store.transaction((tx) => {
    const run = rawTx(tx).run;
    for (let index = 0; index < 40; index += 1) {
      const id = randomUUID();
      const submitted = now - (index * 42 + 30) * hourMs;
      const opened = submitted + (1 + (index % 5) * 3) * hourMs;
      const decided = opened + (2 + (index % 7) * 2) * hourMs;
      const denied = index % 4 === 3;
      const events: [string, number, string | null][] = [
        ['received', submitted, null],
        ['review_started', opened, null],
        denied
          ? ['denied', decided, JSON.stringify({ reason: reasons[Math.floor(index / 4) % reasons.length] })]
          : ['approved', decided, JSON.stringify({ activationChannel: 'email' })],
      ];
      if (!denied && index % 3 !== 0) events.push(['activated', decided + (5 + index) * hourMs, null]);
      if (denied && index % 8 === 3) {
        events.push(['supplied', decided + 30 * hourMs, null], ['approved', decided + 34 * hourMs, null]);
      }
      const overdue = index % 6 === 1 ? at(submitted + 25 * hourMs) : null;
      run(
        `INSERT INTO applications (id, version, number, channel, status, submitted_at, due_at, overdue_at,
                                   created_at, updated_at) VALUES (?, 1, ?, 'portal', 'approved', ?, ?, ?, ?, ?)`,
        [
          id,
          `З-26-П-${String(index).padStart(6, '0')}`,
          at(submitted),
          at(submitted + 24 * hourMs),
          overdue,
          at(submitted),
          at(submitted),
        ],
      );
      for (const [kind, when, detail] of events) {
        run(
          `INSERT INTO application_events (id, version, application_id, kind, at, actor_kind, detail, created_at, updated_at)
           VALUES (?, 1, ?, ?, ?, 'staff', ?, ?, ?)`,
          [randomUUID(), id, kind, at(when), detail, at(when), at(when)],
        );
      }
    }
  });
}

const test = deskTest.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  desk: async ({}, use) => usePreparedDesk('medcard-e2e-', syncedApplications, use),
});

test('the applications report (C6): charts with tables for screen readers, CSV for Excel, an empty period said plainly', async ({
  page,
}) => {
  await mkdir(screensDir, { recursive: true });
  await page.evaluate(() => {
    window.location.hash = '#/applications/report';
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Отчёт по заявлениям' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Время обработки по неделям' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Таблица: Где ждёт работа' })).toBeAttached();
  await expect(page.getByRole('table', { name: 'Таблица: Решения по причинам' }).getByRole('row')).toHaveCount(6);
  expect(await seriousViolations(page)).toEqual([]);
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${screensDir}/applications-report-${size.width}x${size.height}.png` });
  }
  // The page scrolls inside the frame: each chart is shot on its own.
  for (const [name, title] of [
    ['processing', 'Время обработки по неделям'],
    ['stages', 'Где ждёт работа'],
    ['overdue', 'Просроченные заявления по неделям'],
    ['decisions', 'Решения по причинам'],
  ] as const) {
    const chart = page.getByRole('region', { name: title });
    await chart.screenshot({ path: `${screensDir}/applications-report-${name}-1920x1080.png` });
  }

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^zayavleniya_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain(
    'Неделя;Начало недели;Решено впервые;Медиана, ч;90-й процентиль, ч;Просрочено',
  );

  await page.getByRole('textbox', { name: 'С', exact: true }).fill('01.01.2020');
  await page.getByRole('textbox', { name: 'По', exact: true }).fill('31.01.2020');
  await page.getByRole('textbox', { name: 'По', exact: true }).press('Enter');
  await expect(page.getByRole('heading', { name: 'За этот период заявлений не было' })).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${screensDir}/applications-report-empty-1366x768.png` });
});

deskTest(
  'contacts on the card (B1): changed in a keyboard-first dialog, refusals under the field, the history shows who and when',
  async ({ page, request, desk }) => {
    await mkdir(screensDir, { recursive: true });
    await seedPatients(request, desk);
    await searchBox(page).fill('Семёнова Анна');
    await searchBox(page).press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Семёнова Анна Петровна' })).toBeVisible();
    await expect(page.getByText('Контакты не менялись')).toBeVisible();

    await page.getByRole('button', { name: 'Изменить контакты' }).click();
    const dialog = page.getByRole('dialog', { name: 'Изменить контакты' });
    await expect(dialog.getByRole('textbox', { name: 'Телефон' })).toBeFocused();
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill('анна@');
    await dialog.getByRole('textbox', { name: 'Адрес' }).fill('г. Тверь, ул. Советская, д. 5');
    await dialog.getByRole('textbox', { name: 'Адрес' }).press('Control+Enter');
    await expect(dialog.getByRole('textbox', { name: 'E-mail' })).toHaveAttribute('aria-invalid', 'true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screensDir}/card-contacts-dialog-errors-1366x768.png` });

    await dialog.getByRole('textbox', { name: 'E-mail' }).fill('anna@mail.ru');
    await dialog.getByRole('textbox', { name: 'E-mail' }).press('Control+Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Контакты сохранены')).toBeVisible();
    const history = page.getByRole('table', { name: 'История изменений контактов' });
    await expect(history.getByRole('row')).toHaveCount(3);
    await expect(history).toContainText('anna@mail.ru');
    await expect(history).toContainText('г. Тверь, ул. Советская, д. 5');
    await page.getByRole('table', { name: 'История изменений контактов' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screensDir}/card-contacts-history-1366x768.png` });
  },
);

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the applications report in the dark theme passes axe', async ({ page }) => {
    await mkdir(screensDir, { recursive: true });
    await page.evaluate(() => {
      window.location.hash = '#/applications/report';
    });
    await expect(page.getByRole('heading', { name: 'Время обработки по неделям' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screensDir}/applications-report-1366x768-dark.png` });
    const chart = page.getByRole('region', { name: 'Где ждёт работа' });
    await chart.screenshot({ path: `${screensDir}/applications-report-stages-1366x768-dark.png` });
  });
});
