import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { createPatient, fullName, openNewPatientForm, searchBox, testPatient } from './patients';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the search screen has no serious or critical violations', async ({ page }) => {
      const patient = testPatient();
      await createPatient(page, patient);
      await page.getByRole('link', { name: 'Пациенты' }).click();
      await searchBox(page).fill(patient.surname.slice(0, 4));
      await expect(page.getByRole('option', { name: new RegExp(fullName(patient)) })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the enrolment wizard, with field errors showing, has no serious or critical violations', async ({ page }) => {
      await openNewPatientForm(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Далее' }).click();
      await expect(page.getByRole('textbox', { name: 'Фамилия', exact: true })).toHaveAttribute('aria-invalid', 'true');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the patient card, both tabs, has no serious or critical violations', async ({ page }) => {
      await createPatient(page, testPatient());
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('tab', { name: 'Журнал доступа' }).click();
      await expect(page.getByRole('table', { name: 'Кто открывал и менял карту' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
