import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BrowserHost } from '../../electron/browser-host/server';
import { systemClock } from '../../electron/store/clock';
import { fixedActorContext } from '../../electron/core/fixed-actor-context';
import { ensureWorkstation } from '../../electron/core/workstation';
import { formatRussianDate, isoDay } from '../../shared/domain/calendar-date';
import { documentUpdateDue } from '../../shared/domain/documents/update-deadline';
import { calendar2026, importDocumentDictionaries } from '../support/document-dictionaries';
import { validEnp } from '../support/fixtures';
import { jpegPage } from '../electron/services/scans/generated-scans';
import { seriousViolations } from './axe';
import { deskName, expect, test as deskTest } from './fixtures';
import { usePreparedDesk } from './prepared-desk';
import { searchBox, textbox } from './patients';
import { callOver } from './staff';

const shots = '/tmp/shots/h1';

/** The usual desk, with the production calendar and the insurers imported first (as the admin would). */
const test = deskTest.extend<{ desk: BrowserHost }>({
  // eslint-disable-next-line no-empty-pattern
  desk: async ({}, use) =>
    usePreparedDesk(
      'medcard-e2e-documents-',
      (store) => {
        const actor = ensureWorkstation(store, new Date(), deskName);
        importDocumentDictionaries(fixedActorContext({ store, clock: systemClock, actor }));
      },
      use,
    ),
});

async function openDocuments(page: Page, desk: BrowserHost): Promise<void> {
  const created = await callOver(desk)('patients.create', {
    surname: 'Семёнова',
    name: 'Анна',
    patronymic: 'Петровна',
    birthDate: '1980-03-15',
    sex: 'female',
    enp: validEnp(),
  });
  expect(created.ok).toBe(true);
  await searchBox(page).fill('Семёнова Анна');
  await expect(page.getByRole('option', { name: /Семёнова Анна Петровна/ })).toBeVisible();
  await searchBox(page).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Семёнова Анна Петровна/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Документы' }).click();
  await expect(page.getByRole('heading', { name: 'Документов пока нет' })).toBeVisible();
}

async function look(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

test('the clerk records a passport (an expired one is refused), compares it with the record, confirms the OMS policy and replaces the passport (B3, B5, B7)', async ({
  page,
  desk,
}) => {
  // One clerk's whole visit, with axe on four screens: longer than the default on a shared machine.
  test.setTimeout(150_000);
  await openDocuments(page, desk);
  const main = page.getByRole('main');

  // A passport that should have been replaced at 45 is refused, with the day it expired.
  await main.getByRole('button', { name: 'Добавить документ' }).click();
  const add = page.getByRole('dialog', { name: 'Новый документ' });
  await textbox(page, 'Серия и номер').fill('4525123456');
  await expect(textbox(page, 'Серия и номер')).toHaveValue('45 25 123456');
  await textbox(page, 'Дата выдачи').fill('01012005');
  await expect(textbox(page, 'Дата выдачи')).toHaveValue('01.01.2005');
  await textbox(page, 'Код подразделения').fill('770001');
  await expect(textbox(page, 'Код подразделения')).toHaveValue('770-001');
  await textbox(page, 'Кем выдан').fill('ГУ МВД России по г. Москве');
  await textbox(page, 'Кем выдан').press('Control+Enter');
  await expect(textbox(page, 'Дата выдачи')).toHaveAccessibleDescription(
    /Срок действия документа истёк 13\.06\.2025: документ не принимается/,
  );
  await expect(textbox(page, 'Дата выдачи')).toHaveAccessibleDescription(/document\.expired/);
  expect(await seriousViolations(page)).toEqual([]);
  await look(page, 'add-passport-expired');

  await textbox(page, 'Дата выдачи').fill('01.04.2025');
  await add.getByRole('button', { name: 'Сохранить' }).click();
  await expect(add).toBeHidden();
  await expect(main.getByText('Документ «Паспорт РФ» внесён.')).toBeVisible();
  const passport = main.getByRole('article', { name: 'Паспорт РФ' });
  await expect(passport.getByText('45 25 123456')).toBeVisible();
  await expect(passport.getByText('Действует', { exact: true })).toBeVisible();

  // Its scan belongs to this passport and shows as a thumbnail on it.
  await expect(passport.getByText('Сканов пока нет', { exact: false })).toBeVisible();
  await passport.getByRole('button', { name: 'Сканировать' }).click();
  await page
    .getByLabel('Файл скана')
    .setInputFiles({ name: 'passport.jpg', mimeType: 'image/jpeg', buffer: await jpegPage() });
  await expect(passport.getByRole('list', { name: 'Сканы' }).getByRole('listitem')).toHaveCount(1, { timeout: 20_000 });
  await passport.scrollIntoViewIfNeeded();
  await look(page, 'passport-with-scan');

  // Compare: the passport prints capitals and «Е» for «Ё», and another birth date.
  await passport.getByRole('button', { name: 'Сверить с картой' }).click();
  const compare = page.getByRole('dialog', { name: 'Сверка документа «Паспорт РФ» с картой' });
  await compare.getByRole('textbox', { name: 'Фамилия' }).fill('СЕМЕНОВА');
  await compare.getByRole('textbox', { name: 'Имя' }).fill('АННА');
  await compare.getByRole('textbox', { name: 'Отчество' }).fill('ПЕТРОВНА');
  await compare.getByRole('textbox', { name: 'Дата рождения' }).fill('16.03.1980');
  await expect(compare.getByRole('heading', { name: 'Расхождения: 2' })).toBeVisible();
  const surname = compare.getByRole('group', { name: /Решение по полю «Фамилия».*отличие только в ё\/е/ });
  const birthDate = compare.getByRole('group', {
    name: /Решение по полю «Дата рождения».*15\.03\.1980 → 16\.03\.1980/,
  });
  await compare.getByRole('button', { name: 'Сохранить сверку' }).click();
  await expect(compare.getByText('Расхождение не разобрано').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await look(page, 'compare-mismatches');
  await surname.getByRole('radio', { name: 'Подтвердить как есть' }).check();
  await birthDate.getByRole('radio', { name: 'Исправить карту по документу' }).check();
  await compare.getByRole('button', { name: 'Сохранить сверку' }).click();
  await expect(compare).toBeHidden();
  await expect(passport.getByText(/Сверен с картой .*: расхождений — 2/)).toBeVisible();

  // The OMS policy: the insurer from the dictionary, then the check and the clerk's confirmation.
  await main.getByRole('button', { name: 'Добавить документ' }).click();
  await page.getByRole('combobox', { name: 'Вид документа' }).click();
  await page.getByRole('option', { name: 'Полис ОМС' }).click();
  await textbox(page, 'Номер полиса (ЕНП)').fill(validEnp());
  await page.getByRole('combobox', { name: 'Страховая медицинская организация' }).fill('450');
  await page.getByRole('option', { name: /Тестовая страховая компания/ }).click();
  await textbox(page, 'Дата выдачи').fill('01.02.2021');
  await add.getByRole('button', { name: 'Сохранить' }).click();
  await expect(add).toBeHidden();
  const policy = main.getByRole('article', { name: 'Полис ОМС' });
  await expect(policy.getByText('Полис не проверен')).toBeVisible();
  await expect(policy.getByText('ООО «Тестовая страховая компания» (45001)')).toBeVisible();
  await policy.getByRole('button', { name: 'Проверить полис' }).click();
  const check = page.getByRole('dialog', { name: 'Проверка полиса ОМС' });
  await expect(check.getByText(/Проверка на рабочем месте пройдена/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await look(page, 'policy-check');
  await check.getByRole('button', { name: 'Сохранить решение' }).click();
  await expect(check).toBeHidden();
  await expect(policy.getByText('Полис подтверждён', { exact: true })).toBeVisible();

  // The passport changes: the old one is kept, and the new one is due in 5 business days.
  const due = formatRussianDate(documentUpdateDue(calendar2026(), isoDay(new Date())));
  await passport.getByRole('button', { name: 'Заменить' }).click();
  const replace = page.getByRole('dialog', { name: 'Замена документа «Паспорт РФ»' });
  await replace.getByRole('checkbox', { name: /Новый документ у пациента с собой/ }).uncheck();
  await replace.getByRole('button', { name: 'Заменить' }).click();
  await expect(replace).toBeHidden();
  await expect(main.getByText(`Документ заменён. Новый нужно внести до ${due}.`)).toBeVisible();
  await expect(
    main.getByRole('alert').filter({ hasText: `Паспорт РФ: внесите новый документ до ${due}` }),
  ).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Заменённые документы' })).toBeVisible();
  await expect(main.getByRole('article', { name: 'Паспорт РФ' })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await look(page, 'documents-tab');
});

test("a wrong ЕНП check digit shows as soon as the number is complete, and another patient's passport is refused naming that card", async ({
  page,
  desk,
}) => {
  const other = await callOver(desk)('patients.create', {
    surname: 'Кузнецова',
    name: 'Ольга',
    patronymic: 'Ивановна',
    birthDate: '1975-06-01',
    sex: 'female',
  });
  expect(other.ok).toBe(true);
  const otherId = (other as { data: { id: string } }).data.id;
  const passport = {
    type: 'passport',
    series: '4525',
    number: '123456',
    issuerCode: '770-001',
    issuer: 'ГУ МВД России по г. Москве',
    issueDate: '2025-04-01',
  };
  expect(await callOver(desk)('documents.add', { patientId: otherId, document: passport })).toMatchObject({ ok: true });
  await openDocuments(page, desk);

  await page.getByRole('main').getByRole('button', { name: 'Добавить документ' }).click();
  await page.getByRole('combobox', { name: 'Вид документа' }).click();
  await page.getByRole('option', { name: 'Полис ОМС' }).click();
  const enp = textbox(page, 'Номер полиса (ЕНП)');
  const wrong = validEnp().slice(0, 15) + String((Number(validEnp()[15]) + 1) % 10);
  await enp.fill(wrong.slice(0, 15));
  await expect(enp).not.toHaveAttribute('aria-invalid', 'true');
  await enp.fill(wrong);
  await expect(enp).toHaveAttribute('aria-invalid', 'true');
  await expect(enp).toHaveAccessibleDescription(/Контрольная цифра ЕНП не сходится/);

  await page.getByRole('combobox', { name: 'Вид документа' }).click();
  await page.getByRole('option', { name: 'Паспорт РФ' }).click();
  await textbox(page, 'Серия и номер').fill('45 25 123456');
  await textbox(page, 'Дата выдачи').fill('01.04.2025');
  await textbox(page, 'Код подразделения').fill('770-001');
  await textbox(page, 'Кем выдан').fill('ГУ МВД России по г. Москве');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(textbox(page, 'Серия и номер')).toHaveAccessibleDescription(
    /уже записан у другого пациента: Кузнецова Ольга Ивановна, 01\.06\.1975/,
  );
  expect(await seriousViolations(page)).toEqual([]);
});

test('a passport is recorded from the keyboard alone: Enter moves on through the masks, Ctrl+Enter saves', async ({
  page,
  desk,
}) => {
  await openDocuments(page, desk);
  const add = page.getByRole('main').getByRole('button', { name: 'Добавить документ' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Вид документа' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(textbox(page, 'Серия и номер')).toBeFocused();
  await page.keyboard.type('4525123456');
  await page.keyboard.press('Enter');
  await expect(textbox(page, 'Дата выдачи')).toBeFocused();
  await page.keyboard.type('01042025');
  await page.keyboard.press('Enter');
  await expect(textbox(page, 'Код подразделения')).toBeFocused();
  await page.keyboard.type('770001');
  await page.keyboard.press('Enter');
  await expect(textbox(page, 'Кем выдан')).toBeFocused();
  await page.keyboard.type('ГУ МВД России по г. Москве');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('article', { name: 'Паспорт РФ' }).getByText('45 25 123456')).toBeVisible();
});
