import { expectOk, signIn } from '../support/staff-over-api';
import { expect, test } from './fixtures';
import { callOver } from './staff';

test.use({ role: 'clerk' });

/**
 * Issue 15, §6.2 and 152-ФЗ: a clerk reports a suspected leak of personal data; the admin takes it,
 * sees both legal deadlines counting down, records the 24-hour notice to Роскомнадзор (its clock
 * shows it done), resolves the incident and writes the review.
 */
test('a suspected leak: reported by a clerk, handled by the admin against both 152-ФЗ clocks', async ({
  page,
  desk,
  staff,
}) => {
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Инциденты' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Инциденты' })).toBeVisible();
  await expect(page.getByText('Открытых инцидентов нет')).toBeVisible();

  await page.getByRole('button', { name: 'Сообщить об инциденте' }).click();
  const report = page.getByRole('dialog', { name: 'Сообщить об инциденте' });
  await report.getByRole('combobox', { name: /^Вид/ }).click();
  await page.getByRole('option', { name: 'Утечка персональных данных' }).click();
  await report.getByRole('textbox', { name: /^Коротко/ }).fill('Выписка ушла не тому пациенту');
  await report.getByRole('textbox', { name: /^Подробно/ }).fill('Письмо с выпиской отправлено на чужой адрес');
  await report.getByRole('button', { name: 'Сообщить' }).click();
  await expect(report).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: /Выписка ушла не тому пациенту/ })).toBeVisible();
  // The clerk sees the clocks but has no manager's actions.
  await expect(page.getByRole('group', { name: 'Уведомить Роскомнадзор (24 часа)' })).toContainText(
    // Detected now: a whole day left, less the minutes a busy machine takes to get here.
    /осталось (24:00|23:[0-5]\d)/,
  );
  await expect(page.getByRole('button', { name: 'Взять себе' })).toHaveCount(0);
  const incidentUrl = page.url();

  const api = callOver(desk);
  await expectOk(api, 'auth.signOut', {});
  await signIn(api, staff.admin);
  await page.goto(incidentUrl);
  await page.reload();
  await page.getByRole('button', { name: 'Взять себе' }).click();
  await expect(page.getByText('Взял(а) в работу')).toBeVisible();

  const notify = page.getByRole('group', { name: 'Уведомить Роскомнадзор (24 часа)' });
  const results = page.getByRole('group', { name: 'Результаты расследования (72 часа)' });
  await expect(notify).toContainText(/осталось (24:00|23:[0-5]\d)/);
  await expect(results).toContainText(/осталось (72:00|71:[0-5]\d)/);
  await expect(page.getByText(/в течение 24 часов с момента обнаружения уведомить Роскомнадзор/)).toBeVisible();

  await page.getByRole('button', { name: 'Уведомление отправлено' }).click();
  const notice = page.getByRole('dialog', { name: 'Уведомление Роскомнадзора отправлено' });
  await notice.getByRole('button', { name: 'Записать' }).click();
  await expect(notice).toBeHidden();
  await expect(notify).toContainText('сделано');
  await expect(results).toContainText('осталось');
  await expect(page.getByRole('button', { name: 'Результаты отправлены' })).toBeVisible();

  await page.getByRole('button', { name: 'Разрешён' }).click();
  const resolve = page.getByRole('dialog', { name: 'Инцидент разрешён' });
  await resolve.getByRole('textbox', { name: /^Чем разрешён/ }).fill('Письмо отозвано, адресат подтвердил удаление');
  await resolve.getByRole('button', { name: 'Записать' }).click();
  await expect(resolve).toBeHidden();

  await page.getByRole('button', { name: 'Разбор' }).click();
  const review = page.getByRole('dialog', { name: 'Разбор инцидента' });
  await review
    .getByRole('textbox', { name: /^Причины и что изменено/ })
    .fill('Адрес подставлялся из старой карты; теперь сверяется перед отправкой');
  await review.getByRole('button', { name: 'Записать' }).click();
  await expect(review).toBeHidden();
  await expect(page.getByText('Разбор записан')).toBeVisible();
  await expect(page.getByText('Разобран', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Запись в хронику' })).toHaveCount(0);

  await page.getByRole('link', { name: 'К журналу инцидентов' }).click();
  await page.getByRole('button', { name: 'Все' }).click();
  await expect(page.getByRole('row', { name: /Выписка ушла не тому пациенту/ })).toContainText('Разобран');
});
