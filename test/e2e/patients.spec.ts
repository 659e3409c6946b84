import { expect, test } from './fixtures';
import {
  createPatient,
  displayedSnils,
  fillPatientForm,
  fullName,
  generatedWrongSnils,
  openNewPatientForm,
  searchBox,
  testPatient,
  textbox,
} from './patients';

test('creates a patient, finds them by surname prefix and by SNILS, and opens the card (B1)', async ({ page }) => {
  const patient = testPatient();
  await createPatient(page, patient);
  await expect(page.getByText('Пациент сохранён в картотеке')).toBeVisible();

  await page.getByRole('link', { name: 'Пациенты' }).click();
  await searchBox(page).fill('Семён');
  await expect(page.getByRole('option', { name: new RegExp(fullName(patient)) })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Найденные пациенты' }).getByRole('link', { name: fullName(patient) }),
  ).toBeVisible();
  await searchBox(page).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: fullName(patient) })).toBeVisible();

  await searchBox(page).fill(displayedSnils(patient));
  await expect(page.getByRole('option', { name: new RegExp(fullName(patient)) })).toBeVisible();
  await searchBox(page).press('ArrowDown');
  await searchBox(page).press('Enter');
  const card = page.getByRole('main');
  await expect(card.getByRole('heading', { level: 1, name: fullName(patient) })).toBeVisible();
  await expect(card.getByText(`СНИЛС: ${displayedSnils(patient)}`)).toBeVisible();
  await expect(card.getByText(patient.birthDate).first()).toBeVisible();

  await card.getByRole('tab', { name: 'Журнал доступа' }).click();
  // The card's creation is a change of the card; the opening just made, a look at it (F2's words).
  const log = card.getByRole('table', { name: 'Кто открывал и менял карту' });
  await expect(log.getByRole('cell', { name: 'Изменение: карта', exact: true })).toBeVisible();
  await expect(log.getByRole('cell', { name: /^Открыл\(а\) карту: .*карта/ }).first()).toBeVisible();
});

test('a SNILS with a wrong check digit shows its error next to the field as soon as it is complete', async ({
  page,
}) => {
  await openNewPatientForm(page);
  await fillPatientForm(page, testPatient({ snils: generatedWrongSnils() }));
  const snils = textbox(page, 'СНИЛС');
  await expect(snils).toHaveAttribute('aria-invalid', 'true');
  await expect(snils).toHaveAccessibleDescription(/Контрольное число СНИЛС не сходится/);
  await expect(snils).toHaveAccessibleDescription(/patient\.snils\.checksum/);

  await page.getByRole('button', { name: 'Далее' }).click();
  await expect(snils).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Новый пациент' })).toBeVisible();
});

test('a SNILS already registered stops the enrolment beside the form, before saving (B2)', async ({ page }) => {
  const first = testPatient();
  await createPatient(page, first);
  await openNewPatientForm(page);
  await fillPatientForm(page, testPatient({ surname: 'Орлова', snils: first.snils }));

  const panel = page.getByRole('complementary', { name: 'Возможные дубликаты' });
  await expect(panel.getByText('Этот человек уже есть в картотеке', { exact: true })).toBeVisible();
  await expect(panel.getByRole('link', { name: fullName(first) })).toBeVisible();
  await page.getByRole('button', { name: 'Далее' }).click();
  await expect(page.getByRole('button', { name: 'Сохранить' })).toBeDisabled();
});

test('required fields left empty are named under each field, and nothing is saved', async ({ page }) => {
  await openNewPatientForm(page);
  await page.getByRole('button', { name: 'Далее' }).click();
  for (const label of ['Фамилия', 'Имя', 'Дата рождения']) {
    await expect(textbox(page, label)).toHaveAccessibleDescription(/Поле обязательно для заполнения/);
  }
  await expect(textbox(page, 'Фамилия')).toBeFocused();
});

test('the card says who created and last changed the record: the signed-in clerk, in either language', async ({
  page,
}) => {
  const patient = testPatient();
  await createPatient(page, patient);
  const recordFact = (label: string) => page.getByRole('main').locator(`dt:text-is("${label}") + dd`);
  await expect(recordFact('Кем создана')).toHaveText('Сотрудникова Софья');
  await expect(recordFact('Кем изменена')).toHaveText('Сотрудникова Софья');

  await page.getByRole('link', { name: 'Настройки' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await searchBox(page).fill(displayedSnils(patient));
  await expect(page.getByRole('option')).toHaveCount(1);
  await searchBox(page).press('Enter');
  await expect(recordFact('Created by')).toHaveText('Сотрудникова Софья');
  await expect(recordFact('Changed by')).toHaveText('Сотрудникова Софья');
  await expect(page.getByRole('contentinfo')).toContainText('Signed in: Сотрудникова Софья (front desk clerk)');
});
