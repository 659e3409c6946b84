import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { fillPatientForm, generatedWrongSnils, openNewPatientForm, searchBox, testPatient, textbox } from './patients';
import { seedPatients } from './seed';

const sizes = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const screensDir = 'test-results/screens';

/** Every screen, as a person at the desk would see it, for a human to look at (UX.md). */
async function shootEveryScreen(page: Page, suffix: string): Promise<void> {
  await mkdir(screensDir, { recursive: true });
  const shoot = (name: string) => page.screenshot({ path: `${screensDir}/${name}-${suffix}.png` });

  await shoot('patients-start');

  await searchBox(page).fill('Сем');
  await expect(page.getByRole('option')).toHaveCount(6);
  await shoot('search-open');
  await searchBox(page).press('Escape');
  await expect(page.getByRole('table', { name: 'Найденные пациенты' }).getByRole('row')).toHaveCount(7);
  await shoot('patients-results');

  await searchBox(page).fill('Нет-такого');
  await expect(page.getByRole('heading', { name: 'Никого не нашли по запросу «Нет-такого»' })).toBeVisible();
  await searchBox(page).press('Escape');
  await shoot('patients-nothing-found');
  await searchBox(page).fill('');

  await openNewPatientForm(page);
  await shoot('create-form');
  await fillPatientForm(page, testPatient({ surname: 'Орлова', patronymic: '', snils: generatedWrongSnils() }));
  await page.getByRole('button', { name: 'Далее' }).click();
  await expect(textbox(page, 'СНИЛС')).toHaveAttribute('aria-invalid', 'true');
  await shoot('create-form-errors');

  await searchBox(page).fill('Семёнова Анна');
  await searchBox(page).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Семёнова Анна Петровна' })).toBeVisible();
  await shoot('card-personal');
  await page.getByRole('tab', { name: 'Журнал доступа' }).click();
  await expect(page.getByRole('table', { name: 'Кто открывал и менял карту' })).toBeVisible();
  await shoot('card-access-log');

  await page.getByRole('link', { name: 'Заявления' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Заявления на онлайн-доступ' })).toBeVisible();
  await shoot('applications-empty');
  await page.getByRole('link', { name: 'Записи' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Расписание' })).toBeVisible();
  await shoot('appointments-empty');
  await page.getByRole('link', { name: 'Настройки' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки' })).toBeVisible();
  await shoot('settings');
}

for (const size of sizes) {
  const tag = size.width === 1366 ? '' : ' @screens';
  test(`screenshots of every screen at ${size.width}×${size.height}${tag}`, async ({ page, request, desk }) => {
    await seedPatients(request, desk);
    await page.setViewportSize(size);
    await shootEveryScreen(page, `${size.width}x${size.height}`);
  });
}

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('screenshots of every screen at 1366×768, dark @screens', async ({ page, request, desk }) => {
    await seedPatients(request, desk);
    await shootEveryScreen(page, '1366x768-dark');
  });
});

test('screenshots in English at 1366×768: the form with errors and the card @screens', async ({
  page,
  request,
  desk,
}) => {
  await seedPatients(request, desk);
  await page.getByRole('link', { name: 'Настройки' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await page.screenshot({ path: `${screensDir}/settings-1366x768-en.png` });
  await page.getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('link', { name: 'New patient' }).click();
  await page.getByRole('textbox', { name: 'Surname', exact: true }).fill('Smith');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.screenshot({ path: `${screensDir}/create-form-errors-1366x768-en.png` });
  await searchBox(page).fill('Семёнова Анна');
  await expect(page.getByRole('option')).toHaveCount(1);
  await searchBox(page).press('Enter');
  await expect(page.getByRole('tab', { name: 'Personal data' })).toBeVisible();
  await page.screenshot({ path: `${screensDir}/card-personal-1366x768-en.png` });
});
