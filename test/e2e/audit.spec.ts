import { authSettingKeys } from '../../electron/auth/auth-settings';
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { callOver } from './staff';

// The sign-ins below would raise an odd-hours alert when the suite runs at night; this test is about
// the burst alert, so the desk has no odd-hours policy and the alert count does not depend on the hour.
test.use({ role: 'auditor', deskSettings: { [authSettingKeys.oddHours]: null } });

test('the auditor sees the burst alert raised by failed sign-ins under many logins, and checks the chain (F1, A3)', async ({
  page,
  desk,
}) => {
  const api = callOver(desk);
  for (let attempt = 0; attempt < 10; attempt++) {
    await api('auth.beginSignIn', { login: ['ivanova', 'petrov', 'sidorov'][attempt % 3], password: 'wrong' });
  }
  // The auditor's desk opens on the log; the alerts view is read again when chosen.
  await expect(page.getByRole('heading', { level: 1, name: 'Журнал аудита' })).toBeVisible();
  await page.getByRole('button', { name: 'Все' }).click();
  await page.getByRole('button', { name: 'Тревоги' }).click();
  const table = page.getByRole('table', { name: 'События журнала аудита' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByText('auth.alert.burst')).toBeVisible();
  // This desk has no server: the log shown is its own, and the screen says so.
  await expect(
    page.getByText('Рабочее место не подключено к серверу: показаны события только этого рабочего места'),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Попытки входа' }).click();
  await expect(table.getByText('auth.sign_in.failed').first()).toBeVisible();

  await page.getByRole('button', { name: 'Проверить цепочку' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Цепочка цела' })).toBeVisible();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Рабочее место не подключено к серверу: журнал проверен только на нём' }),
  ).toBeVisible();

  // The filters: the whole log narrowed to the alerts by the action's beginning.
  await page.getByRole('button', { name: 'Все' }).click();
  await page.getByRole('search', { name: 'Отбор событий' }).getByLabel('Событие').fill('auth.alert.');
  await page.getByRole('button', { name: 'Показать', exact: true }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByText('auth.alert.burst')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/screens/audit-1366.png' });
});
