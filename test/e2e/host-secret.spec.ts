import { expect, test } from './fixtures';

test('the launch secret leaves the address bar, and a reload still works from the tab', async ({ page }) => {
  await expect(page).toHaveURL(/#\/patients$/);
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(page.getByRole('contentinfo')).toContainText('Рабочее место: Регистратура, окно 1');
});

test('a tab opened without the secret says what happened and how to get in', async ({ page, desk }) => {
  const fresh = await page.context().newPage();
  await fresh.goto(`${desk.origin}/`);
  const alert = fresh.getByRole('alert');
  await expect(alert).toContainText('Рабочее место не подключено к своей базе');
  await expect(alert).toContainText('Сеанс рабочего места недействителен');
  await expect(alert).toContainText('host.unauthorized');
  await expect(alert).toContainText('#token=');
});
