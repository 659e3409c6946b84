import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { pngPage } from '../electron/services/scans/generated-scans';
import { addStaff, expectOk, signIn } from '../support/staff-over-api';
import { seriousViolations } from './axe';
import { cardAtColleagueDesk, expect, patientCabinetTab, test } from './online-access';
import { searchBox } from './patients';
import { callOver } from './staff';

// A desk and the cabinet on one server: the patient questions an entry and sends a lab result; the doctor answers.
test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 30_000 });

const patient = {
  surname: 'Карпова',
  name: 'Елена',
  patronymic: 'Андреевна',
  snilsBody: '512843967',
  cardPhone: '+79037778899',
};
const fullName = `${patient.surname} ${patient.name} ${patient.patronymic}`;

async function axeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

test('the patient reports an inaccuracy, the doctor corrects the entry and the patient sees it; the patient sends a lab result and the doctor finds it in the chart (D4, §4.4)', async ({
  page,
  context,
  desk,
  admin,
  server,
  colleagues,
}) => {
  const card = await cardAtColleagueDesk(server, colleagues[0]!, patient);

  // The doctor of this desk: made by the clinic's admin, then signed in here.
  const api = callOver(desk);
  await expectOk(api, 'auth.signOut', {});
  await signIn(api, admin.member!);
  const doctor = await addStaff(api, desk.origin, 'doctor', 'doctor.one', 'Лечащая Людмила Петровна');
  await expectOk(api, 'auth.signOut', {});
  await signIn(api, doctor);
  const visit = await expectOk(api, 'chart.record', {
    patientId: card.patientId,
    draft: {
      kind: 'encounter',
      body: {
        at: '2026-11-30T07:30:00.000Z',
        visitType: 'first',
        department: 'Терапевтическое отделение',
        complaints: 'Боль в горле, температура 38,2 °C',
        conclusion: 'Острый тонзиллит, назначено лечение на 7 дней',
      },
    },
  });
  await expect
    .poll(
      async () =>
        Boolean(await server.db('records').where({ table_name: 'chart_entries', id: visit.entry.id }).first()),
      {
        timeout: 40_000,
      },
    )
    .toBe(true);

  // The patient reads «Мои карты», opens the visit and reports what is wrong.
  const cabinet = await patientCabinetTab(context, server, card.patientId, {
    ...patient,
    email: 'elena.karpova@example.ru',
    phone: '+79165550011',
  });
  await cabinet.goto(`${server.url}/cabinet/cards`);
  await expect(cabinet.getByRole('heading', { level: 1, name: 'Мои карты' })).toBeVisible();
  await cabinet
    .getByRole('link', { name: /Острый тонзиллит/ })
    .first()
    .click();
  await expect(cabinet.getByText('Боль в горле, температура 38,2 °C')).toBeVisible();
  await cabinet.getByRole('button', { name: 'Сообщить о неточности' }).click();
  await cabinet.getByRole('radio', { name: 'Неверные сведения' }).check();
  await cabinet
    .getByLabel('Опишите, что не так и как должно быть')
    .fill('Лечение назначено на 10 дней, а не на 7: так сказал врач на приёме.');
  await cabinet.getByRole('button', { name: 'Отправить' }).click();
  await expect(cabinet.getByText(/Сообщение отправлено\. Поликлиника ответит до/)).toBeVisible();
  await axeClean(cabinet);

  // At the desk: the reviewer queue, the report opened, the entry corrected.
  await page.reload();
  const rail = page.getByRole('navigation', { name: 'Разделы' });
  await rail.getByRole('link', { name: /Неточности в картах/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Сообщения о неточностях' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(patient.surname) });
  await expect(row).toBeVisible({ timeout: 40_000 });
  await row.click();
  await page.getByRole('button', { name: 'Исправить запись' }).click();
  const amend = page.getByRole('dialog', { name: /Исправление: Приём/ });
  await amend.getByLabel('Заключение').fill('Острый тонзиллит, назначено лечение на 10 дней');
  await amend.getByLabel('Причина исправления').fill('Исправлено по сообщению пациента: срок лечения 10 дней');
  await amend.getByRole('button', { name: 'Сохранить исправление' }).click();
  await expect(amend).toBeHidden();
  await page.screenshot({ path: 'test-results/screens/chart-reports-1366x768.png' });
  await axeClean(page);

  // The patient sees the outcome and the corrected entry beside its previous version.
  await expect(async () => {
    await cabinet.reload();
    await expect(cabinet.getByText('Принято: запись исправлена').first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(cabinet.getByText('Острый тонзиллит, назначено лечение на 10 дней').first()).toBeVisible();

  // A lab result from another laboratory: uploaded, checked, sent to the doctor.
  const folder = await mkdtemp(join(tmpdir(), 'medcard-lab-'));
  const file = join(folder, 'oak.png');
  await writeFile(file, await pngPage());
  await cabinet.goto(`${server.url}/cabinet/documents`);
  await cabinet.locator('input[type=file]').setInputFiles(file);
  await cabinet.getByLabel('Дата анализа').fill('2026-12-01');
  await cabinet.getByLabel('Название').fill('Общий анализ крови');
  await cabinet.getByRole('button', { name: 'Загрузить', exact: true }).click();
  await expect(cabinet.getByText('Результат «Общий анализ крови» загружен.')).toBeVisible();
  await cabinet.getByRole('button', { name: 'Отправить врачу' }).first().click();
  await cabinet.getByRole('combobox', { name: 'Врач' }).selectOption({ label: 'Лечащая Людмила Петровна' });
  await cabinet.getByRole('button', { name: 'Отправить', exact: true }).click();
  await expect(cabinet.getByText(/Отправлено: Лечащая Людмила Петровна/)).toBeVisible();
  await cabinet.screenshot({ path: 'test-results/screens/cabinet-labs-1366x768.png' });
  await axeClean(cabinet);

  // The doctor finds it in the chart, marked as the patient's.
  await rail.getByRole('link', { name: /Пациенты/ }).click();
  await searchBox(page).fill(`${patient.surname} ${patient.name}`);
  await expect(page.getByRole('option', { name: new RegExp(fullName) })).toBeVisible();
  await searchBox(page).press('Enter');
  await page.getByRole('tab', { name: 'Медкарта' }).click();
  const history = page.getByRole('listbox', { name: 'Записи медицинской карты, новые сверху' });
  await expect(async () => {
    await page.getByRole('tab', { name: 'Личные данные' }).click();
    await page.getByRole('tab', { name: 'Медкарта' }).click();
    await expect(history.getByRole('option', { name: /Общий анализ крови/ })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(history.getByRole('option', { name: /Общий анализ крови/ }).getByText('от пациента')).toBeVisible();
});
