import type { Locator, Page } from '@playwright/test';
import { formatSnils } from '../../shared/domain/identifiers/snils';
import { validEnp, validInn } from '../support/fixtures';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import {
  displayedSnils,
  fillPatientForm,
  fillPersonStep,
  fullName,
  generatedSnils,
  openNewPatientForm,
  searchBox,
  testPatient,
  textbox,
} from './patients';
import { asDraft, seedPatients } from './seed';
import { callOver } from './staff';
import { addStaff, expectOk, signIn } from '../support/staff-over-api';

const shots = '/tmp/shots/H5';
const sizes = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Both sizes of the screen as it is now, and axe on it. */
async function lookAt(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${shots}/${name}-${size.width}.png`, fullPage: true });
  }
  await page.setViewportSize(sizes[0]);
}

// Axe and two full-page screenshots per step: slow on a shared machine.
test.describe.configure({ timeout: 180_000 });

const panel = (page: Page) => page.getByRole('complementary', { name: 'Возможные дубликаты' });

/** The field's message (in words and with its code) as a screen reader hears it. */
async function expectProblem(field: Locator, words: RegExp, code: string): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(words);
  await expect(field).toHaveAccessibleDescription(new RegExp(code.replaceAll('.', '\\.')));
}

test('a clerk enrols a patient with every field from the keyboard alone: Enter moves on, Esc steps back keeping what was typed, Ctrl+Enter saves (B1)', async ({
  page,
}) => {
  const patient = testPatient({
    surname: 'Клавиатурова',
    name: 'Вера',
    patronymic: 'Игоревна',
    birthDate: '02.02.1990',
  });
  const inn = validInn('7712345678');
  const enp = validEnp('500000000000123');
  const press = (key: string) => page.keyboard.press(key);
  const type = (text: string) => page.keyboard.type(text);

  await expect(page.getByRole('heading', { level: 1, name: 'Пациенты' })).toBeVisible();
  const newPatient = page.getByRole('link', { name: 'Новый пациент' });
  for (let i = 0; i < 20 && !(await newPatient.evaluate((link) => link === document.activeElement)); i++)
    await press('Tab');
  await press('Enter');

  await expect(textbox(page, 'Фамилия')).toBeFocused();
  await type(patient.surname);
  await press('Enter');
  await type(patient.name);
  await press('Enter');
  await type(patient.patronymic);
  await press('Enter');
  await type(patient.birthDate.replaceAll('.', ''));
  await press('Enter');
  await press('ArrowRight'); // Женский
  await press('Enter');
  await expect(page.getByRole('checkbox', { name: 'Иностранный гражданин' })).toBeFocused();
  await press('Enter');
  await lookAt(page, 'wizard-1-person');
  await press('Enter'); // «Далее»

  await expect(textbox(page, 'СНИЛС')).toBeFocused();
  await type(patient.snils);
  await press('Enter');
  await type(inn);
  await press('Enter');
  await type(enp);
  await expect(textbox(page, 'Полис ОМС (ЕНП)')).toHaveValue(enp.replace(/(\d{4})(?=\d)/g, '$1 '));
  await press('Enter');
  await type(patient.phone);
  await press('Enter');
  await type('Vera.K@Example.ru');
  await press('Enter');
  await type('г. Тверь, ул. Советская, д. 5, кв. 12');

  // Esc goes a step back with everything still there; Enter through the step comes back.
  await press('Escape');
  await expect(textbox(page, 'Фамилия')).toHaveValue(patient.surname);
  await expect(page.getByRole('radio', { name: 'Женский' })).toBeChecked();
  await textbox(page, 'Фамилия').focus();
  for (let i = 0; i < 6; i++) await press('Enter');
  await expect(page.getByRole('button', { name: 'Далее' })).toBeFocused();
  await press('Enter');
  await expect(textbox(page, 'Адрес')).toHaveValue('г. Тверь, ул. Советская, д. 5, кв. 12');
  await expect(panel(page).getByText('Похожих карт в картотеке нет.')).toBeVisible();
  await lookAt(page, 'wizard-2-contacts');

  await textbox(page, 'Адрес').focus();
  await press('Enter');
  await press('Enter'); // «Далее» → the review
  await expect(page.getByRole('button', { name: 'Сохранить' })).toBeFocused();
  const review = page.getByRole('form', { name: 'Новый пациент' });
  await expect(
    review.getByText('vera.k@example.ru', { exact: false }).or(review.getByText('Vera.K@Example.ru')),
  ).toBeVisible();
  await lookAt(page, 'wizard-3-review');
  await press('Control+Enter');

  const card = page.getByRole('main');
  await expect(card.getByRole('heading', { level: 1, name: fullName(patient) })).toBeVisible();
  await expect(card.getByText('г. Тверь, ул. Советская, д. 5, кв. 12')).toBeVisible();
  await expect(card.getByText(inn)).toBeVisible();
  await expect(card.getByText(enp)).toBeVisible();
  await expect(card.getByText('vera.k@example.ru')).toBeVisible();

  // The header (UX.md): what the desk knows now about the policy, the identity and the consent.
  const header = card.getByRole('list', { name: 'Главное о пациенте' });
  await expect(header.getByText(`СНИЛС: ${displayedSnils(patient)}`)).toBeVisible();
  await expect(header.getByText('Полис ОМС: документ не внесён')).toBeVisible();
  await expect(header.getByText('Личность не подтверждена')).toBeVisible();
  await expect(header.getByText('Согласия нет')).toBeVisible();
  await lookAt(page, 'card-header');
});

test('each field names its problem beside it as soon as it is complete, in Russian and English, with the code (B1)', async ({
  page,
}) => {
  await openNewPatientForm(page);
  await textbox(page, 'Фамилия').fill('Smith');
  await expectProblem(textbox(page, 'Фамилия'), /Только кириллица, дефис, апостроф и пробел/, 'patient.name.alphabet');
  await textbox(page, 'Имя').fill('Анна-');
  await textbox(page, 'Отчество').focus();
  await expectProblem(textbox(page, 'Имя'), /не могут стоять в начале, в конце или подряд/, 'patient.name.shape');
  await textbox(page, 'Дата рождения').pressSequentially('01011899');
  await expectProblem(textbox(page, 'Дата рождения'), /раньше 1900 года/, 'patient.birth_date.too_old');
  await textbox(page, 'Дата рождения').fill('');
  await textbox(page, 'Дата рождения').pressSequentially('01012099');
  await expectProblem(textbox(page, 'Дата рождения'), /в будущем/, 'patient.birth_date.future');

  // A foreign citizen may have a Latin surname: the flag retires the error.
  await page.getByRole('checkbox', { name: 'Иностранный гражданин' }).check();
  await expect(textbox(page, 'Фамилия')).toHaveAttribute('aria-invalid', 'false');
  await page.getByRole('checkbox', { name: 'Иностранный гражданин' }).uncheck();

  // «Далее» refuses and keeps the clerk on the first field with a problem.
  await page.getByRole('button', { name: 'Далее' }).click();
  await expect(textbox(page, 'Фамилия')).toBeFocused();
  await expect(page.getByRole('radiogroup', { name: 'Пол' })).toHaveAccessibleDescription(
    /Поле обязательно для заполнения/,
  );
  await textbox(page, 'Дата рождения').fill('');
  await fillPersonStep(page, testPatient());
  await page.getByRole('button', { name: 'Далее' }).click();

  const snils = generatedSnils();
  await textbox(page, 'СНИЛС').pressSequentially(snils.slice(0, 10) + String((Number(snils[10]) + 1) % 10));
  await expectProblem(textbox(page, 'СНИЛС'), /Контрольное число СНИЛС не сходится/, 'patient.snils.checksum');
  const inn = validInn();
  await textbox(page, 'ИНН').pressSequentially(inn.slice(0, 11) + String((Number(inn[11]) + 1) % 10));
  await expectProblem(textbox(page, 'ИНН'), /Контрольные цифры ИНН не сходятся/, 'patient.inn.checksum');
  const enp = validEnp();
  await textbox(page, 'Полис ОМС (ЕНП)').pressSequentially(enp.slice(0, 15) + String((Number(enp[15]) + 1) % 10));
  await expectProblem(textbox(page, 'Полис ОМС (ЕНП)'), /Контрольная цифра ЕНП не сходится/, 'patient.enp.checksum');
  await textbox(page, 'Телефон').pressSequentially('1231234567');
  await expectProblem(textbox(page, 'Телефон'), /Код 123 не используется/, 'patient.phone.code');
  await textbox(page, 'Электронная почта').fill('anna@почта');
  await textbox(page, 'Адрес').focus();
  await expectProblem(
    textbox(page, 'Электронная почта'),
    /Домен адреса после @ указан неверно/,
    'patient.email.domain',
  );
  await textbox(page, 'Адрес').fill('ул. Ленина, <b>');
  await expectProblem(textbox(page, 'Адрес'), /Символ «<» не используется в адресах/, 'patient.address.characters');
  await lookAt(page, 'wizard-errors-ru');

  // The same in English: the language is a setting; the wizard keeps the draft while away.
  await page.getByRole('link', { name: 'Настройки' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('link', { name: 'New patient' }).click();
  await expect(textbox(page, 'SNILS')).toHaveValue(/^\d{3}-\d{3}-\d{3} \d{2}$/);
  await expectProblem(textbox(page, 'SNILS'), /SNILS check digits do not match/, 'patient.snils.checksum');
  await expectProblem(
    textbox(page, 'Address'),
    /The character “<” is not used in addresses/,
    'patient.address.characters',
  );
  await lookAt(page, 'wizard-errors-en');
});

test('the same SNILS as a card on file stops the enrolment beside the form, with the way to that card (B2)', async ({
  page,
  request,
  desk,
}) => {
  const existing = testPatient({ surname: 'Имеющаяся', name: 'Ирина' });
  await seedPatients(request, desk, [asDraft(existing)]);
  await openNewPatientForm(page);
  await fillPatientForm(
    page,
    testPatient({ surname: 'Другая', name: 'Ольга', birthDate: '01.01.1970', snils: existing.snils }),
  );

  await expect(panel(page).getByText('Этот человек уже есть в картотеке', { exact: true })).toBeVisible();
  await expect(panel(page).getByRole('listitem').filter({ hasText: 'СНИЛС: совпадает' })).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Сохранить нельзя: этот человек уже есть в картотеке' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Далее' }).click();
  await expect(page.getByRole('button', { name: 'Сохранить' })).toBeDisabled();
  await lookAt(page, 'wizard-hard-stop');

  await panel(page)
    .getByRole('link', { name: fullName(existing) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: fullName(existing) })).toBeVisible();
  await expect(page.getByText(`СНИЛС: ${displayedSnils(existing)}`)).toBeVisible();
  // Back at the wizard, what was typed is still there, on the step the clerk left.
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Сохранить' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(textbox(page, 'СНИЛС')).toHaveValue(formatSnils(existing.snils));
});

test('a similar person needs «это другой человек» before saving; then the clerk merges the two cards and the merged one stays readable (B2)', async ({
  page,
  request,
  desk,
}) => {
  const first = testPatient({ surname: 'Семёнова', name: 'Анна', patronymic: 'Петровна', birthDate: '14.03.1987' });
  await seedPatients(request, desk, [{ ...asDraft(first), snils: null }]);
  const second = testPatient({ surname: 'Семенова', name: 'Анна', patronymic: 'Петровна', birthDate: '14.03.1987' });

  await openNewPatientForm(page);
  await fillPatientForm(page, second);
  const candidate = panel(page)
    .getByRole('listitem')
    .filter({ hasText: fullName(first) });
  await expect(candidate).toContainText('сходство 100 %');
  await expect(candidate).toContainText('Фамилия: совпадает (ё/е, регистр)');
  await expect(candidate).toContainText('Дата рождения: совпадает');
  await page.getByRole('button', { name: 'Далее' }).click();
  await page.keyboard.press('Control+Enter');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Сначала отметьте справа, что это другой человек' }),
  ).toBeVisible();
  await expect(panel(page).getByRole('heading', { name: 'Возможные дубликаты' })).toBeFocused();
  await lookAt(page, 'wizard-similar');

  // Keyboard: Tab from the panel's title reaches the card link, then the confirmation.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(candidate.getByRole('checkbox', { name: /Это другой человек/ })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { level: 1, name: fullName(second) })).toBeVisible();
  const secondUrl = page.url();

  // They were one person after all: merge from the card.
  await page.getByRole('link', { name: 'Найти дубликаты' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Дубликаты карты: ${fullName(second)}` })).toBeVisible();
  await page.getByRole('button', { name: `Объединить с картой ${fullName(first)}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Объединение карт' });
  // The older card stays by default; the newer one brings its SNILS.
  await expect(dialog.getByRole('radio', { name: new RegExp(fullName(first)) })).toBeChecked();
  await expect(dialog.getByText(`СНИЛС: ${displayedSnils(second)}`)).toBeVisible();
  await expect(dialog.getByText('0 сканов документов')).toBeVisible();
  await lookAt(page, 'merge-dialog');
  await dialog.getByRole('button', { name: 'Объединить' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Причина объединения' })).toHaveAccessibleDescription(
    /Поле обязательно/,
  );
  await dialog
    .getByRole('textbox', { name: 'Причина объединения' })
    .fill('Одна пациентка, карта заведена дважды; паспорт сверен');
  await page.keyboard.press('Control+Enter');

  await expect(page.getByRole('heading', { level: 1, name: fullName(first) })).toBeVisible();
  await expect(page.getByText('Карты объединены')).toBeVisible();
  await expect(page.getByText(`СНИЛС: ${displayedSnils(second)}`)).toBeVisible();

  // The merged card: readable, saying where it went.
  await page.goto(secondUrl);
  await expect(page.getByRole('heading', { level: 1, name: fullName(second) })).toBeVisible();
  await expect(page.getByText('Эта карта объединена с другой')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Найти дубликаты' })).toHaveCount(0);
  await lookAt(page, 'card-merged');
  await page.getByRole('link', { name: new RegExp(`${fullName(first)}, 14\\.03\\.1987`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: fullName(first) })).toBeVisible();

  // Search finds one Анна Семёнова now.
  await searchBox(page).fill('Семенова Анна');
  await expect(page.getByRole('option')).toHaveCount(1);
});

test.describe('the auditor', () => {
  test.use({ role: 'auditor' });

  test('reviews each merge with both cards, who merged them, what moved and why (B2)', async ({
    page,
    desk,
    staff,
  }) => {
    // A clerk at this desk enrols the same woman twice and merges the cards; then the auditor signs back in.
    const api = callOver(desk);
    await expectOk(api, 'auth.signOut', {});
    await signIn(api, staff.admin);
    const clerk = await addStaff(api, desk.origin, 'clerk', 'clerk.two', 'Регистраторова Рита');
    await expectOk(api, 'auth.signOut', {});
    await signIn(api, clerk);
    const kept = await expectOk(api, 'patients.create', {
      ...asDraft(testPatient({ surname: 'Семёнова' })),
      snils: null,
    });
    const twin = await expectOk(api, 'patients.create', asDraft(testPatient({ surname: 'Семенова' })));
    await expectOk(api, 'patients.merge', {
      survivorId: kept.id,
      mergedId: twin.id,
      reason: 'Одна пациентка; паспорт сверен',
    });
    await expectOk(api, 'auth.signOut', {});
    await signIn(api, staff.person);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Журнал аудита' })).toBeVisible();
    await page.getByRole('button', { name: 'Объединения карт' }).click();
    const table = page.getByRole('table', { name: 'Объединения карт' });
    const row = table.getByRole('row').filter({ hasText: 'Одна пациентка; паспорт сверен' });
    await expect(row).toContainText('Регистраторова Рита');
    await expect(row.getByRole('cell').nth(2)).toContainText('Семёнова Анна Петровна');
    await expect(row.getByRole('cell').nth(3)).toContainText('Семенова Анна Петровна');
    await expect(row.getByRole('cell').nth(4)).toHaveText('СНИЛС');
    await lookAt(page, 'audit-merges');
  });
});
