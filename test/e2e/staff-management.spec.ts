import { URI } from 'otpauth';
import { expect, test } from './fixtures';
import { addStaff } from '../support/staff-over-api';
import { callOver, passwordBox, typePassword, virtualKey } from './staff';

const firstPassword = 'Первый-пароль-7';
const ownPassword = 'Свой-пароль-2026';

test('a clerk has no staff management: no item in the rail, and the address shows a forbidden state (A1)', async ({
  page,
}) => {
  const rail = page.getByRole('navigation', { name: 'Разделы' });
  await expect(rail.getByRole('link', { name: 'Пациенты' })).toBeVisible();
  await expect(rail.getByRole('link', { name: 'Сотрудники' })).toHaveCount(0);
  await page.goto(`${new URL(page.url()).origin}/#/settings/staff`);
  await expect(page.getByRole('heading', { level: 1, name: 'Нет доступа' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Сотрудники' })).toHaveCount(0);
});

test.describe('as the admin', () => {
  test.use({ role: 'admin' });

  test('creates a clerk, hands over the codes, enrols their key; the clerk signs in and replaces the first password (A1, A2)', async ({
    page,
  }) => {
    await virtualKey(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Сотрудники' })).toBeVisible();
    await page.getByRole('button', { name: 'Добавить сотрудника' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый сотрудник' });
    await expect(dialog.getByRole('textbox', { name: 'Логин' })).toBeFocused();
    await page.keyboard.type('petrova.o');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Петрова Ольга Ивановна');
    await expect(dialog.getByRole('radio', { name: 'регистратор', exact: true })).toBeChecked();
    await passwordBox(page, 'Первый пароль').fill(firstPassword);
    await passwordBox(page, 'Повторите пароль').fill(firstPassword);
    await dialog.getByRole('button', { name: 'Добавить' }).click();

    const codes = page.getByRole('dialog', { name: 'Коды восстановления: Петрова Ольга Ивановна' });
    await expect(codes.getByRole('list', { name: 'Коды восстановления' }).getByRole('listitem')).toHaveCount(10);
    await codes.getByRole('checkbox', { name: 'Я распечатал(а) или сохранил(а) коды' }).check();
    await codes.getByRole('button', { name: 'Готово' }).click();
    await expect(page.getByText('Сотрудник Петрова Ольга Ивановна добавлен.')).toBeVisible();

    const row = page.getByRole('table', { name: 'Сотрудники' }).getByRole('row', { name: /petrova\.o/ });
    await expect(row).toContainText('регистратор');
    await expect(row).toContainText('сменит пароль при входе');
    await expect(row.getByRole('cell').nth(4)).toHaveText('0');

    // The clerk stands at the desk with their key.
    await row.getByRole('button', { name: 'Ключи: Петрова Ольга Ивановна' }).click();
    const keys = page.getByRole('dialog', { name: 'Ключи: Петрова Ольга Ивановна' });
    await expect(keys).toContainText('Ключей нет.');
    await keys.getByRole('button', { name: 'Добавить ключ' }).click();
    await keys.getByRole('textbox', { name: 'Название ключа' }).fill('Ключ Петровой');
    await keys.getByRole('button', { name: 'Зарегистрировать ключ' }).click();
    await expect(keys.getByRole('table').getByRole('row', { name: /Ключ Петровой/ })).toContainText('действует');
    await keys.getByRole('button', { name: 'Закрыть' }).click();
    await expect(row.getByRole('cell').nth(4)).toHaveText('1');

    // Switch user; the clerk signs in with the first password and their key, then sets their own.
    await page.keyboard.press('Control+l');
    await page.getByRole('button', { name: 'Сменить пользователя' }).click();
    await typePassword(page, 'petrova.o', firstPassword);
    await expect(page.getByRole('heading', { level: 1, name: 'Смените пароль' })).toBeVisible();
    await expect(passwordBox(page, 'Текущий пароль')).toBeFocused();
    await page.keyboard.type(firstPassword);
    await passwordBox(page, 'Новый пароль').fill(ownPassword);
    await passwordBox(page, 'Повторите пароль').fill(ownPassword);
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Пациенты' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('Пользователь: Петрова Ольга Ивановна (регистратор)');
  });

  test('resets a password and deactivates an account after confirming (A1)', async ({ page, desk }) => {
    await addStaff(callOver(desk), desk.origin, 'clerk', 'clerk.one', 'Сотрудникова Софья');
    await page.reload();
    const table = page.getByRole('table', { name: 'Сотрудники' });
    const clerk = table.getByRole('row', { name: /clerk\.one/ });
    await clerk.getByRole('button', { name: 'Сбросить пароль: Сотрудникова Софья' }).click();
    const reset = page.getByRole('dialog', { name: 'Новый пароль: Сотрудникова Софья' });
    await passwordBox(page, 'Первый пароль').fill('коротко');
    await passwordBox(page, 'Повторите пароль').fill('коротко');
    await reset.getByRole('button', { name: 'Сбросить пароль' }).click();
    await expect(passwordBox(page, 'Первый пароль')).toHaveAccessibleDescription(/Пароль не отвечает требованиям/);
    await passwordBox(page, 'Первый пароль').fill(firstPassword);
    await passwordBox(page, 'Повторите пароль').fill(firstPassword);
    await reset.getByRole('button', { name: 'Сбросить пароль' }).click();
    await expect(
      page.getByText('Пароль сотрудника Сотрудникова Софья сброшен: он сменит его при входе.'),
    ).toBeVisible();
    await expect(clerk).toContainText('сменит пароль при входе');

    await clerk.getByRole('button', { name: 'Отключить: Сотрудникова Софья' }).click();
    const confirm = page.getByRole('dialog', { name: 'Отключить учётную запись: Сотрудникова Софья?' });
    await expect(confirm).toContainText('clerk.one больше не сможет войти');
    await expect(confirm.getByRole('button', { name: 'Отмена' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Отключить' }).click();
    await expect(clerk).toContainText('Отключён');
    await expect(clerk.getByRole('button')).toHaveCount(0);
  });
});

test('my account: a YubiKey for one-time passwords needs the clinic’s server, the authenticator app is set up with a code from it, new recovery codes are shown once (A2)', async ({
  page,
}) => {
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Моя учётная запись' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Моя учётная запись' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Мои ключи' }).getByRole('row', { name: /Основной/ })).toContainText(
    'действует',
  );

  // A YubiKey for one-time passwords needs the clinic's server; this desk has none and says so.
  const keys = page.getByRole('region', { name: 'Мои ключи' });
  await keys.getByRole('button', { name: 'Привязать YubiKey для одноразовых паролей' }).click();
  const otp = keys.getByRole('textbox', { name: 'Одноразовый пароль YubiKey' });
  await expect(otp).toBeFocused();
  await page.keyboard.type(`cccccccbcdef${'cbdefghijklnrtuv'.repeat(2)}`);
  await page.keyboard.press('Enter');
  await expect(keys.getByRole('alert')).toContainText('Проверка YubiKey не настроена на этом рабочем месте');
  await expect(keys.getByRole('alert')).toContainText('yubikey.not_configured');
  await keys.getByRole('button', { name: 'Отмена' }).click();

  const app = page.getByRole('region', { name: 'Приложение-аутентификатор' });
  await app.getByRole('button', { name: 'Подключить приложение' }).click();
  const uri = await app.getByText(/^otpauth:\/\//).textContent();
  const totp = URI.parse(uri ?? '');
  await app.getByRole('textbox', { name: 'Код из приложения' }).fill(totp.generate());
  await app.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(app).toContainText('Приложение подключено');

  const codes = page.getByRole('region', { name: 'Коды восстановления' });
  await codes.getByRole('button', { name: 'Выпустить новые коды' }).click();
  await codes.getByRole('button', { name: 'Да, выпустить новые коды' }).click();
  await expect(codes.getByRole('list', { name: 'Коды восстановления' }).getByRole('listitem')).toHaveCount(10);
  await codes.getByRole('checkbox', { name: 'Я распечатал(а) или сохранил(а) коды' }).check();
  await codes.getByRole('button', { name: 'Готово' }).click();
  await expect(codes).toContainText('Новые коды выпущены');
  await expect(codes.getByRole('list', { name: 'Коды восстановления' })).toHaveCount(0);
});
