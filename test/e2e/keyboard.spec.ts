import { expect, test } from './fixtures';
import { displayedSnils, fillPersonStep, fullName, searchBox, testPatient, textbox } from './patients';
import { asDraft, seedPatients } from './seed';

test('the whole enrolment wizard is filled and saved from the keyboard alone: Enter, Tab, arrows, Ctrl+Enter', async ({
  page,
}) => {
  const patient = testPatient({ sex: 'Женский' });
  const press = (key: string) => page.keyboard.press(key);
  const type = (text: string) => page.keyboard.type(text);

  // From the patients screen: Tab through the frame to "Новый пациент" and open it.
  await expect(page.getByRole('heading', { level: 1, name: 'Пациенты' })).toBeVisible();
  const newPatient = page.getByRole('link', { name: 'Новый пациент' });
  for (let i = 0; i < 20 && !(await newPatient.evaluate((link) => link === document.activeElement)); i++)
    await press('Tab');
  await expect(newPatient).toBeFocused();
  await press('Enter');

  await expect(textbox(page, 'Фамилия')).toBeFocused();
  await type(patient.surname);
  await press('Enter');
  await expect(textbox(page, 'Имя')).toBeFocused();
  await type(patient.name);
  await press('Enter');
  await type(patient.patronymic);
  await press('Enter');
  await expect(textbox(page, 'Дата рождения')).toBeFocused();
  await type(patient.birthDate.replaceAll('.', ''));
  await expect(textbox(page, 'Дата рождения')).toHaveValue(patient.birthDate);
  await press('Enter');
  await expect(page.getByRole('radio', { name: 'Мужской' })).toBeFocused();
  await press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Женский' })).toBeChecked();
  await press('Enter');
  await expect(page.getByRole('checkbox', { name: 'Иностранный гражданин' })).toBeFocused();
  await press('Enter');
  await expect(page.getByRole('button', { name: 'Далее' })).toBeFocused();
  await press('Enter');
  await expect(textbox(page, 'СНИЛС')).toBeFocused();
  await type(patient.snils);
  await expect(textbox(page, 'СНИЛС')).toHaveValue(displayedSnils(patient));
  await press('Tab');
  await expect(textbox(page, 'ИНН')).toBeFocused();
  await press('Tab');
  await press('Tab');
  await expect(textbox(page, 'Телефон')).toBeFocused();
  await type(patient.phone);
  await press('Control+Enter');

  await expect(page.getByRole('heading', { level: 1, name: fullName(patient) })).toBeVisible();
  await expect(page.getByText('Женский ·')).toBeVisible();
});

test("Enter on a radio button chooses it and moves on; each step's last field leads to «Далее», the review to «Сохранить»", async ({
  page,
}) => {
  const patient = testPatient();
  await page.getByRole('link', { name: 'Новый пациент' }).click();
  await fillPersonStep(page, patient);
  await textbox(page, 'Дата рождения').click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: patient.sex })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Иностранный гражданин' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Далее' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(textbox(page, 'СНИЛС')).toBeFocused();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Далее' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Сохранить' })).toBeFocused();
});

test('/ and F2 put the caret in the search box from anywhere', async ({ page }) => {
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.getByRole('link', { name: 'Настройки' }).focus();
  await page.keyboard.press('F2');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('Нет-такого');
  await expect(page.getByText('Никого не нашли. Проверьте написание или создайте нового пациента')).toBeVisible();
});

test('a SNILS typed and entered in one go opens the only match, even before the answer arrived', async ({
  page,
  request,
  desk,
}) => {
  const patient = testPatient();
  await seedPatients(request, desk, [asDraft(patient)]);
  await page.keyboard.press('F2');
  await page.keyboard.type(displayedSnils(patient));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: fullName(patient) })).toBeVisible();
});

test('masks format what is typed: SNILS, phone with a leading 8, date; a date that does not exist is named at once', async ({
  page,
}) => {
  await page.getByRole('link', { name: 'Новый пациент' }).click();
  const date = textbox(page, 'Дата рождения');
  await date.pressSequentially('31022000');
  await expect(date).toHaveValue('31.02.2000');
  await expect(date).toHaveAccessibleDescription(/Такой даты нет в календаре/);
  await date.fill('');
  await fillPersonStep(page, testPatient());
  await page.getByRole('button', { name: 'Далее' }).click();

  const phone = textbox(page, 'Телефон');
  await phone.pressSequentially('89161234567');
  await expect(phone).toHaveValue('+7 (916) 123-45-67');
  for (let i = 0; i < 3; i++) await phone.press('Backspace');
  await expect(phone).toHaveValue('+7 (916) 123-4');

  const snils = textbox(page, 'СНИЛС');
  await snils.pressSequentially('1234567');
  await expect(snils).toHaveValue('123-456-7');
});
