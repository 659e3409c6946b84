import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createPatient, fullName, openNewPatientForm, searchBox, testPatient } from './patients';

/** The serious and critical findings of axe on the page as it is now (WCAG 2.1 AA rules). */
async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
}

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

    test('the create form, with field errors showing, has no serious or critical violations', async ({ page }) => {
      await openNewPatientForm(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Сохранить' }).click();
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
