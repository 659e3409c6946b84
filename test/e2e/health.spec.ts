import { expect, test } from './fixtures';

test.use({ role: 'admin' });

test('the admin sees this desk red for its unsent changes once the outbox threshold is small (G5)', async ({
  page,
}) => {
  await page
    .getByRole('navigation', { name: 'Разделы' })
    .getByRole('link', { name: /Состояние$/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Состояние рабочих мест' })).toBeVisible();
  // Not enrolled with a server: only this desk, and the page says why.
  await expect(page.getByRole('alert')).toContainText('не подключено к серверу');
  await expect(page.getByText('Сейчас действуют пороги по умолчанию')).toBeVisible();
  // By the defaults this desk only lacks a backup and a drill: amber.
  await expect(page.getByRole('row', { name: 'Это рабочее место' })).toContainText('Внимание');

  const amber = page.getByRole('textbox', { name: 'Неотправленных изменений — жёлтый' });
  const red = page.getByRole('textbox', { name: 'Неотправленных изменений — красный' });
  await amber.fill('5');
  await red.fill('3');
  await red.press('Control+Enter');
  await expect(page.getByText('Красный порог должен быть строже жёлтого')).toBeVisible();
  await expect(red).toHaveAttribute('aria-invalid', 'true');

  await amber.fill('1');
  await red.fill('2');
  await page.getByRole('button', { name: 'Сохранить пороги' }).click();
  await expect(page.getByText('Пороги сохранены')).toBeVisible();

  const row = page.getByRole('row', { name: 'Это рабочее место' });
  await expect(row).toContainText('Срочно');
  await expect(row).toContainText(/Не отправлено изменений: \d+ \(порог 2\)/);
  await expect(row).toContainText('Резервной копии ещё нет');
});
