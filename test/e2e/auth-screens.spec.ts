import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { addStaff, expectOk, signIn } from '../support/staff-over-api';
import { expectAccessibleInBothSchemes } from './axe';
import { expect, test } from './fixtures';
import { createPatient, testPatient } from './patients';
import { callOver, passwordBox, signOutOver, typePassword, untouchedKey } from './staff';

const screensDir = 'test-results/screens';
const firstPassword = 'Первый-пароль-7';

async function shoot(page: Page, name: string, suffix: string): Promise<void> {
  await mkdir(screensDir, { recursive: true });
  await page.screenshot({ path: `${screensDir}/${name}-${suffix}.png` });
}

// Each screen is checked in the light scheme and the dark one on the same page (axe.ts).
test.describe('the sign-in and staff screens', () => {
  test('the first run, step by step: no serious or critical axe violations; screenshots', async ({ desk, context }) => {
    const page = await context.newPage();
    await page.goto(desk.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Настройка' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Логин' }).fill('admin');
    await page.getByRole('textbox', { name: 'ФИО' }).fill('Админова Анна Сергеевна');
    await passwordBox(page, 'Пароль').fill('регистратура1');
    await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'first-run-account' });

    await passwordBox(page, 'Пароль').fill('Регистратура-2026!');
    await passwordBox(page, 'Повторите пароль').fill('Регистратура-2026!');
    await page.getByRole('button', { name: 'Создать администратора' }).click();
    await expect(page.getByRole('heading', { name: 'Ключ безопасности администратора' })).toBeVisible();
    await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'first-run-key' });
  });

  test('sign-in, its second step and its errors: no serious or critical axe violations; screenshots', async ({
    desk,
    staff,
    context,
  }) => {
    await signOutOver(desk);
    const page = await context.newPage();
    await untouchedKey(page);
    await page.goto(desk.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
    await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'sign-in' });

    await typePassword(page, staff.person.login, 'Неверный-пароль-1');
    await expect(page.getByRole('alert')).toContainText('Осталось попыток: 4');
    await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'sign-in-wrong-password' });

    // The key is not touched: the page waits for it and offers the other ways.
    await typePassword(page, staff.person.login, staff.person.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Подтвердите вход' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Приложите ключ и коснитесь его');
    await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'sign-in-key' });
    await page.getByRole('button', { name: 'Войти с кодом восстановления' }).click();
    await expect(page.getByRole('textbox', { name: 'Код восстановления' })).toBeFocused();
    await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'sign-in-recovery-code' });
  });

  test('the lock screen and the password change at first sign-in: no serious or critical axe violations; screenshots', async ({
    page,
    desk,
    staff,
  }) => {
    await createPatient(page, testPatient());
    await page.keyboard.press('Control+l');
    await expect(page.getByRole('heading', { level: 1, name: 'Рабочее место заблокировано' })).toBeVisible();
    await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'lock' });

    // A newcomer signs in with their first password and a recovery code: the password comes first.
    await page.getByRole('button', { name: 'Сменить пользователя' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
    const api = callOver(desk);
    await signIn(api, staff.admin);
    const created = await expectOk(api, 'staff.create', {
      login: 'novikova.e',
      displayName: 'Новикова Елена',
      role: 'doctor',
      password: firstPassword,
    });
    await expectOk(api, 'auth.signOut', {});
    const step = await expectOk(api, 'auth.beginSignIn', { login: 'novikova.e', password: firstPassword });
    await expectOk(api, 'auth.finishSignInWithRecoveryCode', {
      attemptId: step.attemptId,
      code: created.recoveryCodes[0] ?? '',
    });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Смените пароль' })).toBeVisible();
    await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'account-setup-password' });

    await passwordBox(page, 'Текущий пароль').fill(firstPassword);
    await passwordBox(page, 'Новый пароль').fill('Свой-пароль-2026');
    await passwordBox(page, 'Повторите пароль').fill('Свой-пароль-2026');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Зарегистрируйте ключ' })).toBeVisible();
    await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'account-setup-key' });
  });

  test.describe('as the admin', () => {
    test.use({ role: 'admin' });

    test('staff management and my account: no serious or critical axe violations; screenshots', async ({
      page,
      desk,
    }) => {
      // Five screens, each checked by axe in both schemes, and three people's passwords hashed.
      test.setTimeout(120_000);
      const api = callOver(desk);
      await addStaff(api, desk.origin, 'clerk', 'clerk.one', 'Сотрудникова Софья Андреевна');
      await addStaff(api, desk.origin, 'doctor', 'ivanov.p', 'Иванов Пётр Николаевич');
      await page.reload();
      const table = page.getByRole('table', { name: 'Сотрудники' });
      await expect(table.getByRole('row')).toHaveCount(4);
      await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'staff-list' });

      await page.getByRole('button', { name: 'Добавить сотрудника' }).click();
      const dialog = page.getByRole('dialog', { name: 'Новый сотрудник' });
      await dialog.getByRole('textbox', { name: 'Логин' }).fill('Петрова О');
      await dialog.getByRole('textbox', { name: 'ФИО' }).fill('Петрова Ольга Ивановна');
      await passwordBox(page, 'Первый пароль').fill('Первый-пароль');
      await passwordBox(page, 'Повторите пароль').fill('Первый-пароль');
      await dialog.getByRole('button', { name: 'Добавить' }).click();
      await expect(dialog.getByRole('textbox', { name: 'Логин' })).toHaveAttribute('aria-invalid', 'true');
      await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'staff-create-errors' });

      await dialog.getByRole('textbox', { name: 'Логин' }).fill('petrova.o');
      await passwordBox(page, 'Первый пароль').fill(firstPassword);
      await passwordBox(page, 'Повторите пароль').fill(firstPassword);
      await dialog.getByRole('button', { name: 'Добавить' }).click();
      const codes = page.getByRole('dialog', { name: 'Коды восстановления: Петрова Ольга Ивановна' });
      await expect(codes.getByRole('listitem')).toHaveCount(10);
      await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'staff-codes' });
      await codes.getByRole('checkbox').check();
      await codes.getByRole('button', { name: 'Готово' }).click();

      await table.getByRole('button', { name: 'Ключи: Сотрудникова Софья Андреевна' }).click();
      const keys = page.getByRole('dialog', { name: 'Ключи: Сотрудникова Софья Андреевна' });
      await expect(keys.getByRole('table')).toContainText('Основной');
      await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'staff-keys' });
      await keys.getByRole('button', { name: 'Закрыть' }).click();

      await table.getByRole('button', { name: 'Отключить: Иванов Пётр Николаевич' }).click();
      await expect(page.getByRole('dialog', { name: /Отключить учётную запись/ })).toBeVisible();
      await shoot(page, 'staff-deactivate', '1366x768');
      await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();

      await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Моя учётная запись' }).click();
      const app = page.getByRole('region', { name: 'Приложение-аутентификатор' });
      await app.getByRole('button', { name: 'Подключить приложение' }).click();
      await expect(app.getByRole('textbox', { name: 'Код из приложения' })).toBeVisible();
      await page.getByRole('heading', { level: 1 }).evaluate((heading) => heading.scrollIntoView());
      await expectAccessibleInBothSchemes(page, { dir: screensDir, name: 'my-account' });
      await app.evaluate((region) => region.scrollIntoView({ block: 'start' }));
      await shoot(page, 'my-account-totp', '1366x768');
    });
  });
});

test('the sign-in screen switches to English before anyone signs in, errors included; screenshot', async ({
  desk,
  staff,
  context,
}) => {
  await signOutOver(desk);
  const page = await context.newPage();
  await page.goto(desk.url);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('textbox', { name: 'Login' }).fill(staff.person.login);
  await page.getByLabel('Password').fill('Wrong-password-1');
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByRole('alert')).toContainText('Wrong login or password. Attempts left: 4');
  await shoot(page, 'sign-in-wrong-password', '1366x768-en');
});
