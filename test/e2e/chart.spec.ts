import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { openChart, test } from './chart-desk';
import { expect } from './fixtures';

// One desk with a long history written first (seedCharts), then the doctor's day through the pages.
test.describe.configure({ timeout: 240_000 });
test.use({ actionTimeout: 20_000 });

const shots = 'test-results/screens';

async function look(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png` });
  expect(await seriousViolations(page)).toEqual([]);
}

test('a doctor reads a long history, filters it, records a visit with a diagnosis found by words, is refused an overdose, overrides a class allergy alert with a reason and amends an entry, the old version beside it (D1–D5)', async ({
  page,
  prepared,
}) => {
  await openChart(page);
  const history = page.getByRole('listbox', { name: 'Записи медицинской карты, новые сверху' });
  await expect(page.getByText(`Записей: ${prepared.entries}`)).toBeVisible();
  await expect(history.getByRole('option').first()).toBeVisible();
  await look(page, 'chart-history-1366x768');

  // Filters: home visits only, then a diagnosis code prefix; reset.
  await page.getByRole('combobox', { name: 'Вид записи' }).click();
  await page.getByRole('option', { name: 'Аллергия' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText('Записей: 1', { exact: true })).toBeVisible();
  await expect(history.getByRole('option', { name: /Амоксициллин/ })).toBeVisible();
  await page.getByRole('button', { name: 'Сбросить' }).click();
  await expect(page.getByText(`Записей: ${prepared.entries}`)).toBeVisible();

  // The keyboard: / searches by code or words.
  await history.focus();
  await page.keyboard.press('/');
  await page.keyboard.type('J06');
  await expect(history.getByRole('option', { name: /J06/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Сбросить' }).click();

  // A new visit (N) with its main diagnosis picked by words in any order.
  await history.focus();
  await page.keyboard.press('n');
  await page.getByRole('menuitem', { name: 'Приём' }).click();
  const visit = page.getByRole('dialog', { name: /Новая запись: Приём/ });
  await visit.getByLabel('Отделение').fill('Терапевтическое отделение');
  await visit.getByLabel('Жалобы').fill('Кашель, заложенность носа, температура 37,8 °C');
  await visit.getByLabel('Заключение').fill('ОРВИ после переохлаждения 5 декабря');
  await visit.getByRole('combobox', { name: 'Диагноз по МКБ-10 1' }).fill('инфекция острая');
  await page.getByRole('option', { name: /J06\.9/ }).click();
  await look(page, 'chart-new-visit-1366x768');
  await visit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(visit).toBeHidden();
  await expect(
    history.getByRole('option', { name: /Терапевтическое отделение: ОРВИ после переохлаждения/ }),
  ).toBeVisible();

  // The saved visit opens beside the list; what is prescribed in it belongs to it.
  const visitPanel = page.getByRole('region', {
    name: /Терапевтическое отделение: (ОРВИ|Острый ринофарингит) после переохлаждения/,
  });
  const addToVisit = visitPanel.getByRole('button', { name: 'Добавить запись в карту' });

  // A prescription above the formulary's maximum single dose is refused with the measured value.
  await addToVisit.click();
  await page.getByRole('menuitem', { name: 'Назначение' }).click();
  const prescription = page.getByRole('dialog', { name: /Новая запись: Назначение/ });
  await prescription.getByRole('combobox', { name: 'Препарат (ЕСКЛП)' }).fill('Панадол');
  await page.getByRole('option', { name: /Парацетамол/i }).click();
  await prescription.getByLabel('Разовая доза').fill('2000');
  await prescription.getByLabel('Раз в сутки').fill('2');
  await expect(prescription.getByText(/Разовая доза 2000 мг выше максимальной 1000 мг/).first()).toBeVisible();
  await look(page, 'chart-prescription-overdose-1366x768');
  await expect(prescription.getByRole('button', { name: 'Сохранить' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(prescription).toBeHidden();

  // A penicillin of the allergy's class: warned, overridden with a reason, saved.
  await addToVisit.click();
  await page.getByRole('menuitem', { name: 'Назначение' }).click();
  await prescription.getByRole('combobox', { name: 'Препарат (ЕСКЛП)' }).fill('ампиц');
  await page
    .getByRole('option', { name: /Ампициллин/i })
    .first()
    .click();
  await prescription.getByLabel('Разовая доза').fill('250');
  await prescription.getByLabel('Раз в сутки').fill('4');
  await expect(
    prescription.getByText(/Аллергия на Амоксициллин: Ампициллин из той же группы АТХ/).first(),
  ).toBeVisible();
  await prescription.getByRole('button', { name: 'Отменить предупреждение' }).click();
  await prescription.getByLabel('Причина отмены предупреждения').fill('Ампициллин переносил в 2020 году без реакции');
  await look(page, 'chart-prescription-override-1366x768');
  await prescription.getByRole('button', { name: 'Сохранить' }).click();
  await expect(prescription).toBeHidden();
  await expect(history.getByRole('option', { name: /Ампициллин 250 мг × 4\/сут/ })).toBeVisible();

  // An amendment: the reason kept, the previous version readable beside the current one.
  const entry = visitPanel;
  await entry.getByRole('button', { name: 'Исправить' }).click();
  const amend = page.getByRole('dialog', { name: /Исправление: Приём/ });
  await amend.getByLabel('Заключение').fill('Острый ринофарингит после переохлаждения 5 декабря');
  await amend.getByLabel('Причина исправления').fill('Уточнено заключение после осмотра ЛОР');
  await amend.getByRole('button', { name: 'Сохранить исправление' }).click();
  await expect(amend).toBeHidden();
  await expect(entry.getByText(/Причина: Уточнено заключение после осмотра ЛОР/)).toBeVisible();
  await entry.getByRole('button', { name: 'Версии (1)' }).click();
  const versions = page.getByRole('dialog', { name: 'Версии записи' });
  await expect(versions.getByText('ОРВИ после переохлаждения 5 декабря').first()).toBeVisible();
  await expect(versions.getByText('Острый ринофарингит после переохлаждения 5 декабря').first()).toBeVisible();
  await look(page, 'chart-versions-1366x768');
});
