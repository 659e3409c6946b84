import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BrowserHost } from '../../electron/browser-host/server';
import { formatRussianDate, isoDay } from '../../shared/domain/calendar-date';
import { lastDayBeforeAgeOfConsent } from '../../shared/domain/proxies';
import { jpegPage } from '../electron/services/scans/generated-scans';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { searchBox } from './patients';
import { callOver } from './staff';

const shots = '/tmp/shots/h3';

async function look(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

/** The tab's two parts (the card's header has a consent chip of its own). */
const consentPart = (page: Page) =>
  page.getByRole('main').getByRole('region', { name: 'Согласие на обработку персональных данных', exact: true });
const proxiesPart = (page: Page) =>
  page.getByRole('main').getByRole('region', { name: 'Доверенные лица', exact: true });

/** Enrols a patient through the API and opens their card's consent tab. */
async function openConsentTab(page: Page, desk: BrowserHost, birthDate: string): Promise<void> {
  const created = await callOver(desk)('patients.create', {
    surname: 'Соколова',
    name: 'Вера',
    patronymic: 'Андреевна',
    birthDate,
    sex: 'female',
  });
  expect(created.ok).toBe(true);
  await searchBox(page).fill('Соколова Вера');
  await expect(page.getByRole('option', { name: /Соколова Вера Андреевна/ })).toBeVisible();
  await searchBox(page).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Соколова Вера Андреевна/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Согласие и доверенные лица' }).click();
}

test('the patient signs the consent with the mouse; the clerk withdraws it with a reason, and it stays in the history (B8)', async ({
  page,
  desk,
}) => {
  // Three axe passes and two dialogs: more than the default minute on a shared, busy machine.
  test.slow();
  await openConsentTab(page, desk, '1980-03-15');
  const main = consentPart(page);
  await expect(main.getByText('Согласия нет')).toBeVisible();
  await expect(
    main.getByText('Без согласия данные пациента не передаются в личный кабинет', { exact: false }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await look(page, 'consent-none');

  await main.getByRole('button', { name: 'Принять согласие' }).click();
  const dialog = page.getByRole('dialog', { name: 'Принятие согласия' });
  const text = dialog.getByRole('region', { name: /Текст согласия, редакция 1/ });
  await expect(text).toContainText('152-ФЗ');
  await expect(text).toContainText('ЕГИСЗ');
  // An empty pad is refused before anything is sent.
  await dialog.getByRole('button', { name: 'Принять согласие' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Подпись пуста');

  const pad = dialog.getByRole('img', { name: 'Поле для подписи пациента' });
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad has no box');
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let step = 1; step <= 30; step++) {
    const x = 0.1 + (0.8 * step) / 30;
    const y = 0.5 + 0.3 * Math.sin(step / 3);
    await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 2 });
  }
  await page.mouse.up();
  expect(await seriousViolations(page)).toEqual([]);
  await look(page, 'consent-sign');
  await dialog.getByRole('button', { name: 'Принять согласие' }).click();

  await expect(main.getByText('Согласие принято')).toBeVisible();
  await expect(main.getByText('Согласие действует')).toBeVisible();
  const history = main.getByRole('table', { name: 'История согласий' });
  await expect(history.getByRole('cell', { name: 'Подпись на экране' })).toBeVisible();
  await expect(history.getByRole('cell', { name: 'действует' })).toBeVisible();
  await history.getByRole('button', { name: 'Показать подпись' }).click();
  await expect(history.getByRole('img', { name: /Подпись пациента под согласием от/ })).toBeVisible();

  await main.getByRole('button', { name: 'Отозвать согласие' }).click();
  const withdraw = page.getByRole('dialog', { name: 'Отзыв согласия' });
  await withdraw.getByRole('button', { name: 'Отозвать согласие' }).click();
  await expect(withdraw.getByRole('textbox', { name: 'Причина отзыва' })).toHaveAccessibleDescription(
    /Поле обязательно для заполнения/,
  );
  await withdraw
    .getByRole('textbox', { name: 'Причина отзыва' })
    .fill('Письменное заявление пациента от сегодняшнего дня');
  // Enter moves on to the button (the paper-form flow), Ctrl+Enter saves from anywhere.
  await withdraw.getByRole('textbox', { name: 'Причина отзыва' }).press('Control+Enter');
  await expect(main.getByRole('alert')).toHaveText('Отзыв согласия записан');
  await expect(main.getByText('Согласие отозвано', { exact: true })).toBeVisible();
  await expect(main.getByText(/^Отозвано .*Данные пациента не передаются в личный кабинет/)).toBeVisible();
  // The card's header says so too, without reopening the card.
  await expect(page.getByRole('main').getByText('Согласие отозвано', { exact: true })).toHaveCount(2);
  await expect(history.getByRole('cell', { name: /Письменное заявление пациента от сегодняшнего дня/ })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Принять согласие' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await look(page, 'consent-withdrawn');
});

test('the keyboard way: the clerk scans the signed paper form, and the consent holds it (B8)', async ({
  page,
  desk,
}) => {
  await openConsentTab(page, desk, '1975-06-30');
  const main = consentPart(page);
  await main.getByRole('button', { name: 'Принять согласие' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Принятие согласия' });
  await dialog.getByRole('radio', { name: 'Подпись на экране' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: 'Скан подписанного бланка' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Сканировать подписанный бланк' }).focus();
  await page.keyboard.press('Enter');
  await page
    .getByLabel('Файл скана')
    .setInputFiles({ name: 'consent.jpg', mimeType: 'image/jpeg', buffer: await jpegPage() });

  await expect(main.getByText('Согласие принято')).toBeVisible({ timeout: 20_000 });
  await expect(main.getByText('Согласие действует')).toBeVisible();
  await expect(
    main.getByRole('table', { name: 'История согласий' }).getByRole('cell', { name: 'Скан бланка' }),
  ).toBeVisible();
});

test('a mother’s proxy for a 10-year-old shows that it ends on the eve of the 15th birthday; an empty scope is refused (B9)', async ({
  page,
  desk,
}) => {
  test.slow();
  const today = isoDay(new Date());
  const birthDate = `${Number(today.slice(0, 4)) - 10}${today.slice(4, 8)}01`;
  await openConsentTab(page, desk, birthDate);
  const main = proxiesPart(page);
  await expect(main.getByRole('heading', { name: 'Доверенных лиц нет' })).toBeVisible();

  await main.getByRole('button', { name: 'Добавить доверенное лицо' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новое доверенное лицо' });
  const lastDay = formatRussianDate(lastDayBeforeAgeOfConsent(birthDate));
  await expect(dialog.getByText(`Полномочия родителя закончатся ${lastDay}`)).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Фамилия' })).toBeFocused();
  await page.keyboard.type('Соколова');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ирина');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Павловна');
  await page.keyboard.press('Enter');
  await page.keyboard.type('02041985');
  await page.keyboard.press('Enter');
  await page.keyboard.type('9167654321');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByRole('group', { name: /Разделы медицинской карты/ })).toContainText(
    'Отметьте хотя бы один раздел',
  );

  await dialog.getByRole('checkbox', { name: 'Записи на приём' }).check();
  await dialog.getByRole('checkbox', { name: 'Анализы и исследования' }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await look(page, 'proxy-form');
  await dialog.getByRole('button', { name: 'Добавить' }).click();

  await expect(main.getByText('Доверенное лицо добавлено')).toBeVisible();
  const table = main.getByRole('table', { name: 'Доверенные лица пациента' });
  const row = table.getByRole('row', { name: /Соколова Ирина Павловна/ });
  await expect(row).toContainText(`${formatRussianDate(today)} — ${lastDay}`);
  await expect(row).toContainText('накануне 15-летия пациента');
  await expect(row).toContainText('Записи на приём, Анализы и исследования');
  await expect(row).toContainText('Действует');
  expect(await seriousViolations(page)).toEqual([]);
  await row.scrollIntoViewIfNeeded();
  await look(page, 'proxies');

  await row.getByRole('button', { name: 'Отозвать полномочия: Соколова Ирина Павловна' }).click();
  const revoke = page.getByRole('dialog', { name: 'Отзыв полномочий' });
  await revoke.getByRole('textbox', { name: 'Причина отзыва' }).fill('Решение суда');
  await revoke.getByRole('button', { name: 'Отозвать полномочия' }).click();
  await expect(row).toContainText('Отозвано');
  await expect(row).toContainText('Решение суда');
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the consent tab and its dialogs have no serious or critical violations in the dark theme', async ({
    page,
    desk,
  }) => {
    await openConsentTab(page, desk, '2016-02-29');
    const main = consentPart(page);
    await expect(main.getByText('Согласия нет')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await main.getByRole('button', { name: 'Принять согласие' }).click();
    await expect(page.getByRole('dialog', { name: 'Принятие согласия' }).getByRole('region')).toContainText('152-ФЗ');
    expect(await seriousViolations(page)).toEqual([]);
    await look(page, 'consent-sign-dark');
    await page.keyboard.press('Escape');
    await proxiesPart(page).getByRole('button', { name: 'Добавить доверенное лицо' }).click();
    await expect(page.getByRole('dialog', { name: 'Новое доверенное лицо' })).toContainText(
      'накануне 15-летия пациента',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await look(page, 'proxy-form-dark');
  });
});
