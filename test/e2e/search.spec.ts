import { expect, test } from './fixtures';
import { searchBox } from './patients';
import { seedPatients } from './seed';

test('an answer to an older query that arrives late is dropped: only the latest query is shown', async ({
  page,
  request,
  desk,
}) => {
  await seedPatients(request, desk);
  let delayed = 0;
  // The real host answers; the first answer to the broad query is only held back on the wire.
  await page.route('**/api/call/patients.search', async (route) => {
    const { query } = route.request().postDataJSON() as { query: string };
    if (query === 'Сем' && delayed++ === 0) await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });

  await searchBox(page).pressSequentially('Сем');
  await page.waitForTimeout(300);
  await searchBox(page).pressSequentially('ёнова Анна');
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.waitForTimeout(1600);
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option', { name: /Семёнова Анна Петровна/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Найденные пациенты' }).getByRole('row')).toHaveCount(2);
});

test('search finds by birth date and by phone', async ({ page, request, desk }) => {
  await seedPatients(request, desk);
  await searchBox(page).fill('Семёнов 02.11.1962');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option', { name: /Семёнов Игорь Васильевич/ })).toBeVisible();
  await searchBox(page).fill('+7 (926) 555-01-90');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option', { name: /Семендяев Пётр Ильич/ })).toBeVisible();
});
