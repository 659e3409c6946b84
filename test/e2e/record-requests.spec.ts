import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { sweepOverdueRequests } from '../../server/cabinet/record-requests/escalation-sweep';
import { calendar2026, importDocumentDictionaries } from '../support/document-dictionaries';
import { addStaff, expectOk, signIn } from '../support/staff-over-api';
import type { SyncServer } from '../sync/sync-harness';
import { seriousViolations } from './axe';
import { cardAtColleagueDesk, expect, patientCabinetTab, smsCode, test } from './online-access';
import { callOver } from './staff';

// The path on real parts (F2, F3): a patient asks for their records in the cabinet and
// confirms with a code; the request passes its 5 working days and is escalated; a clerk at a
// synced desk makes the files and finishes it; the patient downloads them and sees in «Кто
// открывал мою карту» who exported their record.
test.describe.configure({ timeout: 300_000 });
test.use({
  actionTimeout: 30_000,
  // The production calendar the desk counts working days by.
  // eslint-disable-next-line no-empty-pattern
  deskPreparation: async ({}, use) => use(importDocumentDictionaries),
});

const patient = {
  surname: 'Выпискина',
  name: 'Ольга',
  patronymic: 'Андреевна',
  snilsBody: '715264398',
  cardPhone: '+79037771133',
};
const cabinetPhone = '+79165550033';
const clerkName = 'Архивова Анна Ильинична';
const shots = 'test-results/screens';

async function axeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/** The request's row on the server once `where` holds for it. */
async function serverRequest(server: SyncServer, id: string, where: (data: Record<string, unknown>) => boolean) {
  let found: Record<string, unknown> = {};
  await expect
    .poll(
      async () => {
        const row = await server.db('records').where({ table_name: 'record_requests', id }).first('data');
        found = (row?.data ?? {}) as Record<string, unknown>;
        return where(found);
      },
      { timeout: 90_000 },
    )
    .toBe(true);
  return found;
}

test('a patient asks for their records with a code; overdue, the request is escalated; a clerk makes PDF, СЭМД and FHIR; the patient downloads them and sees who exported the card (F2, F3)', async ({
  page,
  context,
  desk,
  admin,
  server,
  sms,
  colleagues,
}) => {
  const card = await cardAtColleagueDesk(server, colleagues[0]!, patient);
  const cabinet = await patientCabinetTab(context, server, card.patientId, {
    ...patient,
    email: 'olga.vypiskina@example.ru',
    phone: cabinetPhone,
  });

  // The patient asks: purpose, the whole card, three files and a paper copy; the code by SMS.
  await cabinet.goto(`${server.url}/cabinet/record-requests`);
  await expect(cabinet.getByRole('heading', { level: 1, name: 'Запросы документов' })).toBeVisible();
  await cabinet.getByRole('link', { name: 'Запросить документы' }).first().click();
  await cabinet.getByRole('textbox', { name: /^Цель запроса/ }).fill('Для консультации в областной больнице');
  await cabinet.getByRole('checkbox', { name: 'Вся медицинская карта' }).check();
  for (const format of [/^PDF/, /^СЭМД/, /^FHIR/, /^Бумажная копия/])
    await cabinet.getByRole('checkbox', { name: format }).check();
  await cabinet.screenshot({ path: `${shots}/cabinet-record-request-form-1366x768.png`, fullPage: true });
  await axeClean(cabinet);
  await cabinet.getByRole('button', { name: 'Получить код' }).click();
  const code = await smsCode(sms, cabinetPhone);
  await cabinet.getByRole('textbox', { name: /^Код из сообщения/ }).fill(code);
  await cabinet.getByRole('button', { name: 'Подать запрос' }).click();
  await expect(cabinet.getByText(/Запрос № З-\d{4}-\d{6} принят/)).toBeVisible();

  const asked = await server.db('records').where({ table_name: 'record_requests' }).first('id', 'data');
  const request: Record<string, unknown> & { id: string } = {
    ...(asked.data as Record<string, unknown>),
    id: String(asked.id),
  };
  const number = String(request.number);
  // Due in 5 working days by the production calendar.
  const submittedDay = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' });
  expect(request.due_on).toBe(calendar2026().addBusinessDays(submittedDay, 5));

  // The deadline passes: the server's sweep, run as on the day after it, escalates the request once.
  const dayAfter = new Date(`${calendar2026().addBusinessDays(String(request.due_on), 1)}T09:00:00+03:00`);
  expect(await sweepOverdueRequests({ db: server.db }, dayAfter)).toBe(1);
  expect(await sweepOverdueRequests({ db: server.db }, dayAfter)).toBe(0);

  // The clerk's queue at the synced desk: the request, marked escalated.
  const api = callOver(desk);
  await expectOk(api, 'auth.signOut', {});
  await signIn(api, admin.member!);
  const clerk = await addStaff(api, desk.origin, 'clerk', 'clerk.archive', clerkName);
  await expectOk(api, 'auth.signOut', {});
  await signIn(api, clerk);
  await page.goto(`${desk.origin}/#/record-requests`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Запросы документов' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(number) });
  await expect(async () => {
    await page.reload();
    await expect(row.getByText('эскалирован')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
  await page.screenshot({ path: `${shots}/record-requests-queue-1366x768.png` });
  await axeClean(page);

  // Opened from the keyboard: take it, make the three files, hand the paper copy, finish.
  await row.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: `Запрос ${number}` });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Взять в работу' }).click();
  for (const format of ['PDF', 'СЭМД (XML)', 'FHIR (HL7)']) {
    const make = panel.getByRole('button', { name: `Сделать ${format}` });
    await make.click();
    // Made and listed among the files: the button is gone.
    await expect(make).toBeHidden({ timeout: 60_000 });
  }
  await panel.getByRole('button', { name: 'Бумажная копия выдана…' }).click();
  const paper = page.getByRole('dialog', { name: 'Кому выдана бумажная копия' });
  await paper.getByRole('radio', { name: 'Пациенту лично' }).check();
  await paper.getByRole('button', { name: 'Отметить выдачу' }).click();
  await expect(panel.getByText('Всё готово — запрос можно завершить')).toBeVisible();
  await page.screenshot({ path: `${shots}/record-requests-panel-1366x768.png` });
  await axeClean(page);
  await panel.getByRole('button', { name: 'Завершить запрос' }).click();

  // The server takes every step, opens the download for 30 days and tells the patient.
  const done = await serverRequest(server, request.id, (data) => data.status === 'done');
  expect(typeof done.available_until).toBe('string');

  // The patient downloads the PDF: the same bytes the desk recorded.
  await cabinet.goto(`${server.url}/cabinet/record-requests`);
  await expect(cabinet.getByText('Исполнен').first()).toBeVisible();
  await expect(cabinet.getByText(/^Доступно до /).first()).toBeVisible();
  await cabinet.screenshot({ path: `${shots}/cabinet-record-request-done-1366x768.png`, fullPage: true });
  await axeClean(cabinet);
  const download = cabinet.waitForEvent('download');
  await cabinet.getByRole('link', { name: /^Скачать PDF/ }).click();
  const pdf = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(pdf);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const files = await server.db('records').where({ table_name: 'record_request_files' }).select('data');
  const pdfRow = files.map((file) => file.data as Record<string, unknown>).find((data) => data.format === 'pdf');
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(pdfRow?.sha256);

  // «Кто открывал мою карту»: the clerk's export, by name, with the desk it was made at.
  await cabinet.goto(`${server.url}/cabinet/access-log`);
  await expect(cabinet.getByRole('heading', { level: 1, name: 'Кто открывал мою карту' })).toBeVisible();
  await expect(async () => {
    await cabinet.reload();
    await expect(cabinet.getByText(clerkName).first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
  await cabinet.screenshot({ path: `${shots}/cabinet-access-log-1366x768.png`, fullPage: true });
  await axeClean(cabinet);
  await cabinet.setViewportSize({ width: 390, height: 844 });
  await cabinet.screenshot({ path: `${shots}/cabinet-access-log-390x844.png`, fullPage: true });
  await axeClean(cabinet);
});
