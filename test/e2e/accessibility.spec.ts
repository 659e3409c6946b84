import { expectAccessibleInBothSchemes } from './axe';
import { expect, test } from './fixtures';
import { createPatient, fullName, openNewPatientForm, searchBox, testPatient } from './patients';

// Each screen is checked in the light scheme and the dark one on the same page (axe.ts).
test.describe('axe, light and dark', () => {
  test('the search screen has no serious or critical violations', async ({ page }) => {
    const patient = testPatient();
    await createPatient(page, patient);
    await page.getByRole('link', { name: 'Пациенты' }).click();
    await searchBox(page).fill(patient.surname.slice(0, 4));
    await expect(page.getByRole('option', { name: new RegExp(fullName(patient)) })).toBeVisible();
    await expectAccessibleInBothSchemes(page);
  });

  test('the enrolment wizard, with field errors showing, has no serious or critical violations', async ({ page }) => {
    await openNewPatientForm(page);
    await expectAccessibleInBothSchemes(page);
    await page.getByRole('button', { name: 'Далее' }).click();
    await expect(page.getByRole('textbox', { name: 'Фамилия', exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectAccessibleInBothSchemes(page);
  });

  test('the patient card, both tabs, has no serious or critical violations', async ({ page }) => {
    await createPatient(page, testPatient());
    await expectAccessibleInBothSchemes(page);
    await page.getByRole('tab', { name: 'Журнал доступа' }).click();
    await expect(page.getByRole('table', { name: 'Кто открывал и менял карту' })).toBeVisible();
    await expectAccessibleInBothSchemes(page);
  });
});
