import { expect, type Page } from '@playwright/test';
import { jpegPage } from '../electron/services/scans/generated-scans';

/**
 * At the desk (B6): a patient whose online confirmation is locked comes with the originals. The
 * rail counts them, the queue lists them, and the clerk checks the passport (typed in, a scan
 * attached, the originals confirmed), keyboard first. `look` is called at the screens worth a
 * screenshot.
 */
export async function verifyInPerson(
  page: Page,
  fullName: string,
  look: (name: 'verification-queue' | 'verification-dialog') => Promise<void> = async () => {},
): Promise<void> {
  const rail = page.getByRole('navigation', { name: 'Разделы' });
  const queueLink = rail.getByRole('link', { name: /Очередь подтверждения/ });
  await expect(queueLink).toContainText('1', { timeout: 40_000 });
  await queueLink.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Очередь подтверждения личности' })).toBeVisible();
  const queue = page.getByRole('table', { name: 'Пациенты, ожидающие проверки документов' });
  await expect(queue.getByRole('row', { name: new RegExp(fullName) })).toContainText('3');
  await look('verification-queue');

  await queue.getByRole('button', { name: `Проверить документы: ${fullName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Проверка личности: ${fullName}` });
  await expect(dialog).toBeVisible();
  // Nothing ticked yet: Ctrl+Enter is refused, naming the rule (pressed again until the card's
  // documents have loaded: a press while they load is not yet a submission).
  await expect(async () => {
    await page.keyboard.press('Control+Enter');
    await expect(dialog).toContainText('Отметьте хотя бы один документ, оригинал которого вы проверили', {
      timeout: 2_000,
    });
  }).toPass({ timeout: 20_000 });
  // The card has no documents yet: the clerk types the passport in; Enter adds it.
  const number = dialog.getByRole('textbox', { name: 'Серия и номер' });
  await number.fill('4508 123456');
  await number.press('Enter');
  await expect(dialog.getByRole('checkbox', { name: 'Паспорт РФ 4508 123456 (внесён вручную)' })).toBeChecked();
  // A scan of the passport, from a file, attached to the verification.
  await dialog.getByRole('button', { name: 'Сканировать документ' }).click();
  await page
    .getByLabel('Файл скана')
    .setInputFiles({ name: 'passport.jpg', mimeType: 'image/jpeg', buffer: await jpegPage() });
  await expect(dialog.getByText('Скан 1')).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toContainText('Приложено сканов: 1');
  await dialog.getByRole('textbox', { name: 'Примечание' }).fill('Паспорт в порядке, фото совпадает');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toContainText('Подтвердите, что проверены оригиналы, а не копии');
  const originals = dialog.getByRole('checkbox', { name: /Оригиналы проверены лично/ });
  await originals.focus();
  await page.keyboard.press('Space');
  await expect(originals).toBeChecked();
  await expect(dialog).toContainText('Проверяет: Сотрудникова Софья');
  await look('verification-dialog');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: fullName })).toContainText('подтверждена');
  await expect(page.getByRole('heading', { name: 'Никто не ждёт проверки' })).toBeVisible();
  await expect(queueLink).not.toContainText('ждут проверки');
}
