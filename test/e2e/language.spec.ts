import { expect, test } from './fixtures';

test('switching to English relabels the frame and the form, and the choice survives a reload', async ({ page }) => {
  await page.getByRole('link', { name: 'Настройки' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки' })).toBeVisible();
  await expect(page.getByText('Регистратура, окно 1').first()).toBeVisible();

  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Patients' }),
  ).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('No sync server connected');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await page.getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('link', { name: 'New patient' }).click();
  await expect(page.getByRole('textbox', { name: 'Surname', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Birth date', exact: true })).toHaveAttribute(
    'placeholder',
    'DD.MM.YYYY',
  );
  await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Русский' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки' })).toBeVisible();
});

test('the rail shows a clerk only a clerk’s sections, and each opens its screen', async ({ page }) => {
  const rail = page.getByRole('navigation', { name: 'Разделы' });
  await expect(rail.getByRole('link')).toHaveText([
    'Пациенты',
    'Очередь подтверждения',
    'Заявления',
    'Запросы документов',
    'Записи',
    'Инциденты',
    'Настройки',
    'Моя учётная запись',
  ]);
  // «Заявления» (issue 11), «Записи» (issue 13) and «Запросы документов» (issue 14) are built.
  await page.getByRole('link', { name: 'Заявления' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Заявления на онлайн-доступ' })).toBeVisible();
  await page.getByRole('link', { name: 'Записи' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Расписание' })).toBeVisible();
  await page.getByRole('link', { name: 'Пациенты' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Пациенты' })).toBeVisible();
});

test('the status bar says who is signed in, at which desk, and that no sync server is connected', async ({ page }) => {
  const status = page.getByRole('contentinfo');
  await expect(status).toContainText('Пользователь: Сотрудникова Софья (регистратор)');
  await expect(status).toContainText('Рабочее место: Регистратура, окно 1');
  await expect(status).toContainText('Сервер синхронизации не подключён');
});
