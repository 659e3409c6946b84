import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { addStaff, expectOk, signIn } from '../support/staff-over-api';
import { seriousViolations } from './axe';
import { openChart, test } from './chart-desk';
import { expect } from './fixtures';
import { callOver, virtualKey } from './staff';

// F4 on real parts: the treating doctor restricts an entry by a court's decision; a doctor outside
// the team reaches the card only through break-the-glass — a reason and a touch of their key (the
// browser's virtual authenticator) — is flagged on the card, never sees the restricted entry, and
// the auditor gives the grant a verdict.
test.describe.configure({ timeout: 240_000 });
test.use({ actionTimeout: 20_000 });

const shots = 'test-results/screens';

async function look(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png` });
  expect(await seriousViolations(page)).toEqual([]);
}

/** The history filtered to allergies (the restricted entry is one, years back). */
async function onlyAllergies(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Вид записи' }).click();
  await page.getByRole('option', { name: 'Аллергия' }).click();
  await page.keyboard.press('Escape');
}

test('a restricted entry is hidden outside the team; break-the-glass by key touch opens the card, flagged; the auditor reviews it (F4)', async ({
  page,
  desk,
  prepared,
}) => {
  // The treating doctor restricts the allergy entry by a court's decision.
  await openChart(page);
  const history = page.getByRole('listbox', { name: 'Записи медицинской карты, новые сверху' });
  await onlyAllergies(page);
  await history.getByRole('option', { name: /Амоксициллин/ }).click();
  await page.getByRole('button', { name: 'Ограничить доступ…' }).click();
  const restrict = page.getByRole('dialog', { name: 'Ограничение доступа к записи' });
  await restrict.getByRole('combobox', { name: /^Основание/ }).click();
  await page.getByRole('option', { name: 'Решение суда' }).click();
  await restrict.getByRole('textbox', { name: /^Документ-основание/ }).fill('Решение суда № 2-123/2026 от 01.12.2026');
  await restrict.getByRole('button', { name: 'Ограничить' }).click();
  await expect(restrict).toBeHidden();
  await expect(page.getByText(/Запись ограничена: Решение суда/).first()).toBeVisible();
  await look(page, 'chart-restricted-entry-1366x768');

  // A doctor on duty, outside the team, is refused the card and offered emergency access.
  const api = callOver(desk);
  await expectOk(api, 'auth.signOut', {});
  await signIn(api, prepared.admin!);
  const onDuty = await addStaff(api, desk.origin, 'doctor', 'doctor.duty', 'Дежурный Денис Олегович');
  const auditor = await addStaff(api, desk.origin, 'auditor', 'auditor.one', 'Проверяющая Полина Игоревна');
  await expectOk(api, 'auth.signOut', {});
  await signIn(api, onDuty);
  await virtualKey(page, onDuty);
  await page.goto(`${desk.origin}/#/patients`);
  await page.reload();
  await openChart(page);
  await expect(page.getByText('Вы не входите в лечащую команду пациента')).toBeVisible();
  await page.getByRole('button', { name: 'Экстренный доступ…' }).click();
  const glass = page.getByRole('dialog', { name: 'Экстренный доступ к карте' });
  await glass.getByRole('combobox', { name: /^Причина/ }).click();
  await page.getByRole('option', { name: 'Пациент без сознания' }).click();
  await glass
    .getByRole('textbox', { name: /^Опишите ситуацию/ })
    .fill('Доставлена без сознания, нужны сведения об аллергиях и диагнозах');
  await look(page, 'chart-break-glass-1366x768');
  await glass.getByRole('button', { name: 'Подтвердить касанием ключа' }).click();
  await expect(glass).toBeHidden();

  // The card is open and flagged; the restricted entry stays out of sight.
  await expect(page.getByText(/Экстренный доступ до .* — причина: Пациент без сознания/).first()).toBeVisible();
  await expect(history.getByRole('option').first()).toBeVisible();
  await onlyAllergies(page);
  await expect(page.getByText('Записей: 0', { exact: true })).toBeVisible();
  await look(page, 'chart-emergency-access-1366x768');

  // The auditor's queue: the grant with its reason and reads; a verdict with a note.
  await expectOk(api, 'auth.signOut', {});
  await signIn(api, auditor);
  await page.goto(`${desk.origin}/#/audit`);
  await page.reload();
  await page.getByRole('button', { name: 'Экстренный доступ' }).click();
  const row = page.getByRole('row', { name: /Дежурный Денис Олегович/ });
  await expect(row).toContainText('Пациент без сознания');
  await look(page, 'audit-emergency-reviews-1366x768');
  await row.getByRole('button', { name: 'Проверить' }).click();
  const review = page.getByRole('dialog', { name: /Дежурный Денис Олегович/ });
  await review.getByRole('radio', { name: 'Обоснован', exact: true }).check();
  await review
    .getByRole('textbox', { name: /^Комментарий аудитора/ })
    .fill('Поступила по скорой, лечащий врач не на смене');
  await review.getByRole('button', { name: 'Сохранить вердикт' }).click();
  await expect(review).toBeHidden();
  await page.getByRole('group', { name: 'Какие показать' }).getByRole('button', { name: 'Все' }).click();
  await expect(page.getByRole('row', { name: /Дежурный Денис Олегович/ })).toContainText('Обоснован');
});
