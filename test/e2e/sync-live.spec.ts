import type { Page } from '@playwright/test';
import { createPatientAt, editPatient } from '../sync/sync-harness';
import { draft, validSnils } from '../support/fixtures';
import { expect, openColleagueDesk, test } from './synced-desk';

const statusBar = (page: Page) => page.getByRole('contentinfo');

test('an enrolled desk shows that it is in sync, and a patient enrolled at another desk appears in its search', async ({
  page,
  server,
  colleagues,
}) => {
  await expect(statusBar(page)).toContainText('Синхронизировано', { timeout: 15_000 });
  const other = await openColleagueDesk(server, 'Регистратура, окно 2', colleagues[0]!);
  try {
    await createPatientAt(other, draft({ surname: 'Издалёкова', snils: validSnils('613245789') }));
    await other.sync();
    const search = page.getByRole('combobox', { name: 'Поиск пациента' });
    await expect(async () => {
      await search.fill('');
      await search.fill('Издалёк');
      await expect(page.getByRole('option', { name: /Издалёкова/ })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
  } finally {
    await other.cleanup();
  }
});

test('says the server is unreachable while it is down, and is back in sync when it returns', async ({
  page,
  server,
}) => {
  await expect(statusBar(page)).toContainText('Синхронизировано', { timeout: 15_000 });
  await server.kill();
  await expect(statusBar(page)).toContainText('Нет связи с сервером', { timeout: 20_000 });
  await server.restart();
  await expect(statusBar(page)).toContainText('Синхронизировано', { timeout: 30_000 });
});

test('a conflict between two other desks reaches this desk, and the value chosen here goes back to the server', async ({
  page,
  server,
  colleagues,
}) => {
  const second = await openColleagueDesk(server, 'Регистратура, окно 2', colleagues[0]!);
  const third = await openColleagueDesk(server, 'Регистратура, окно 3', colleagues[1]!);
  try {
    const id = await createPatientAt(second, draft({ surname: 'Спорова', snils: validSnils('713245789') }));
    await second.sync();
    await third.sync();
    editPatient(second, id, { surname: 'Спорова-Вторая' });
    editPatient(third, id, { surname: 'Спорова-Третья' });
    await second.sync();
    await third.sync();

    const chip = statusBar(page).getByRole('link', { name: 'Конфликты: 1' });
    await expect(chip).toBeVisible({ timeout: 15_000 });
    await chip.click();
    const item = page.getByRole('list', { name: 'Нерешённые конфликты' }).getByRole('listitem');
    await expect(item).toContainText('Поле «Фамилия»');
    await expect(item).toContainText('Спорова-Вторая');
    await expect(item).toContainText('Спорова-Третья');
    await item.getByRole('button', { name: /Принять значение с рабочего места/ }).click();
    await expect(page.getByRole('heading', { name: 'Конфликтов нет' })).toBeVisible();

    await expect(async () => {
      const row = await server.db('records').where({ table_name: 'patients', id }).first();
      const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as { surname: string };
      expect(data.surname).toBe('Спорова-Третья');
    }).toPass({ timeout: 15_000 });
    await second.sync();
    await expect(second.dispatch('sync.conflicts', {})).resolves.toMatchObject({ ok: true, data: { items: [] } });
  } finally {
    await second.cleanup();
    await third.cleanup();
  }
});
