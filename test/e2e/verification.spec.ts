import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { insertRecord } from '../../electron/store/record-door';
import { draft, validSnils } from '../support/fixtures';
import { accessOf, reportAttempt } from '../support/portal-client';
import { createPatientAt, type SyncDesk } from '../sync/sync-harness';
import { seriousViolations } from './axe';
import { expect, openColleagueDesk, test } from './synced-desk';

const shots = '/tmp/shots/h4';

async function look(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

/** A consent to processing recorded at another desk (B8), so that only the identity stands in the way. */
function consentAt(desk: SyncDesk, patientId: string): void {
  const at = new Date(Date.now() - 60_000).toISOString();
  desk.store.transaction((tx) =>
    insertRecord(
      { tx, actor: desk.ctx.actor, at },
      'patients.write',
      'consents',
      {
        patient_id: patientId,
        text_version: '1',
        text_sha256: '0'.repeat(64),
        method: 'scan',
        accepted_at: at,
        accepted_by: desk.ctx.actor.staffId,
        withdrawn_at: null,
      },
      { action: 'consents.accept', patientId },
    ),
  );
}

test('failed-online patient arrives → clerk verifies originals → unlocked (B6)', async ({ page, server, colleagues }) => {
  test.setTimeout(180_000);
  const other = await openColleagueDesk(server, 'Регистратура, окно 2', colleagues[0]!);
  try {
    const patientId = await createPatientAt(other, draft({ surname: 'Недоверова', name: 'Вера', patronymic: 'Ильинична', snils: validSnils('813245789') }));
    consentAt(other, patientId);
    await other.sync();

    // The patient fails to confirm their identity on the portal three times; the fourth try is refused.
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await reportAttempt(server.url, patientId, 'failed')).status).toBe(200);
    expect((await reportAttempt(server.url, patientId, 'passed')).status).toBe(423);
    expect((await accessOf(server.url, patientId)).body).toMatchObject({ allowed: false, identity: { status: 'locked' }, consent: { valid: true } });

    // The lock reaches this desk: the rail counts the patient, the queue lists them.
    const rail = page.getByRole('navigation', { name: 'Разделы' });
    const queueLink = rail.getByRole('link', { name: /Очередь подтверждения/ });
    await expect(queueLink).toContainText('1', { timeout: 40_000 });
    await queueLink.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Очередь подтверждения личности' })).toBeVisible();
    const queue = page.getByRole('table', { name: 'Пациенты, ожидающие проверки документов' });
    await expect(queue.getByRole('row', { name: /Недоверова Вера Ильинична/ })).toContainText('3');
    await look(page, 'verification-queue');

    // The clerk checks the originals, keyboard first.
    await queue.getByRole('button', { name: 'Проверить документы: Недоверова Вера Ильинична' }).click();
    const dialog = page.getByRole('dialog', { name: 'Проверка личности: Недоверова Вера Ильинична' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Серия и номер' }).fill('4508 123456');
    await dialog.getByRole('button', { name: 'Добавить документ' }).click();
    await expect(dialog.getByRole('checkbox', { name: 'Паспорт РФ 4508 123456 (внесён вручную)' })).toBeChecked();
    await dialog.getByRole('textbox', { name: 'Примечание' }).fill('Паспорт в порядке, фото совпадает');
    await page.keyboard.press('Control+Enter');
    await expect(dialog).toContainText('Подтвердите, что проверены оригиналы, а не копии');
    const originals = dialog.getByRole('checkbox', { name: /Оригиналы проверены лично/ });
    await originals.focus();
    await page.keyboard.press('Space');
    await expect(originals).toBeChecked();
    await expect(dialog).toContainText('Проверяет: Сотрудникова Софья');
    await look(page, 'verification-dialog');
    await page.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('alert').filter({ hasText: 'Недоверова Вера Ильинична' })).toContainText('подтверждена');
    await expect(page.getByRole('heading', { name: 'Никто не ждёт проверки' })).toBeVisible();
    await expect(queueLink).not.toContainText('ждут проверки');

    // The desk's sync brings the verification to the server: online access opens.
    await expect
      .poll(async () => (await accessOf(server.url, patientId)).body, { timeout: 30_000 })
      .toMatchObject({ allowed: true, identity: { status: 'verified_in_person', failedAttempts: 0 }, consent: { valid: true } });

    // The card's "Online access" tab says who verified it and how.
    const search = page.getByRole('combobox', { name: 'Поиск пациента' });
    await search.fill('Недоверова');
    await page.getByRole('option', { name: /Недоверова/ }).click();
    await page.getByRole('tab', { name: 'Онлайн-доступ' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Онлайн-доступ' });
    await expect(panel).toContainText('Личность подтверждена в регистратуре');
    await expect(panel).toContainText('Сотрудникова Софья');
    await expect(panel).toContainText('Паспорт РФ 4508 123456');
    await look(page, 'verification-card-tab');
  } finally {
    await other.cleanup();
  }
});
