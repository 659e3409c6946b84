import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { pngPage } from '../electron/services/scans/generated-scans';
import { localDate } from '../../shared/appointments/local-time';
import { clinicTimeZone } from '../../shared/appointments/schedule';
import { epochDay } from '../../shared/domain/business-days';
import { isoDay } from '../../shared/domain/calendar-date';
import { fixtureCodes, importScheduleDictionariesAt } from '../support/appointment-fixtures';
import { calendar2026 } from '../support/document-dictionaries';
import { addStaff, expectOk, signIn } from '../support/staff-over-api';
import type { SyncServer } from '../sync/sync-harness';
import { seriousViolations } from './axe';
import { cardAtColleagueDesk, expect, patientCabinetTab, test } from './online-access';
import { callOver } from './staff';

// The path on real parts: a clerk books by keyboard at a synced desk, the server confirms
// it, the patient moves it in the cabinet and attaches a referral, the doctor sees it in their day.
test.describe.configure({ timeout: 300_000 });
test.use({
  actionTimeout: 30_000,
  // The production calendar and the schedule's НСИ codes, imported as the admin would.
  // eslint-disable-next-line no-empty-pattern
  deskPreparation: async ({}, use) => use(importScheduleDictionariesAt),
});

const patient = {
  surname: 'Зимина',
  name: 'Алла',
  patronymic: 'Борисовна',
  snilsBody: '614253987',
  cardPhone: '+79037771122',
};
const fullName = `${patient.surname} ${patient.name} ${patient.patronymic}`;
const doctorName = 'Смирнова Ольга Ивановна';
const shots = 'test-results/screens';

async function axeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/** A synced row's data on the server, once it is there. */
async function serverRow(server: SyncServer, table: string, where: (data: Record<string, unknown>) => boolean) {
  let found: Record<string, unknown> | undefined;
  await expect
    .poll(
      async () => {
        const rows = await server.db('records').where({ table_name: table }).select('id', 'data');
        const match = rows.find((row: { data: Record<string, unknown> }) => where(row.data));
        found = match ? { id: match.id, ...match.data } : undefined;
        return Boolean(found);
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return found!;
}

test('a clerk books by keyboard, the server confirms; the patient moves it in the cabinet and attaches a referral; the doctor sees it in their day (E1–E3)', async ({
  page,
  context,
  desk,
  admin,
  server,
  colleagues,
}) => {
  const card = await cardAtColleagueDesk(server, colleagues[0]!, patient);
  const today = isoDay(new Date());
  // The next working day by the production calendar: the therapist sees patients on weekdays.
  const day = calendar2026().addBusinessDays(today, 1);

  // The admin keeps the schedule: a room, the therapist's primary visit, the doctor as the specialist.
  const api = callOver(desk);
  await expectOk(api, 'auth.signOut', {});
  await signIn(api, admin.member!);
  const doctor = await addStaff(api, desk.origin, 'doctor', 'doctor.smirnova', doctorName);
  const clerk = await addStaff(api, desk.origin, 'clerk', 'clerk.booking', 'Записная Зоя Петровна');
  const room = await expectOk(api, 'schedules.saveRoom', { name: 'Кабинет 101', active: true });
  await expectOk(api, 'schedules.saveServiceType', {
    serviceCode: fixtureCodes.services[0].code,
    name: 'Приём терапевта первичный',
    durationMin: 20,
    mode: 'in_person',
    dailyLimit: null,
    instructions: 'Возьмите паспорт и полис ОМС',
    active: true,
  });
  const specialist = await expectOk(api, 'schedules.saveSpecialist', {
    staffId: doctor.id,
    displayName: doctorName,
    specialtyCode: fixtureCodes.specialties[0].code,
    positionCode: fixtureCodes.positions[0].code,
    department: 'Поликлиника',
    roomId: room.id,
    active: true,
  });
  for (const weekday of [1, 2, 3, 4, 5])
    await expectOk(api, 'schedules.savePattern', {
      specialistId: specialist.id,
      roomId: null,
      weekday,
      starts: '09:00',
      ends: '15:00',
      breaks: [{ starts: '12:00', ends: '12:30' }],
      serviceTypeIds: null,
      validFrom: '2026-01-01',
      validTo: null,
    });
  await page.goto(`${desk.origin}/#/settings/schedules`);
  await expect(page.getByRole('heading', { level: 1, name: 'Настройка расписания' })).toBeVisible();
  await expect(page.getByText(doctorName).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/schedules-setup-1366x768.png` });
  await axeClean(page);
  await serverRow(server, 'work_patterns', (data) => data.specialist_id === specialist.id);

  // The clerk: the day's grid, the keyboard to 10:00, Enter, the patient found by name, Enter.
  await expectOk(api, 'auth.signOut', {});
  await signIn(api, clerk);
  await page.reload();
  await page.goto(`${desk.origin}/#/appointments?period=day&by=specialist&show=all&date=${day}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Расписание' })).toBeVisible();
  const cursor = page.getByRole('button', { name: /^(Свободно|Не приёмное время): / });
  await cursor.focus();
  await page.keyboard.press('Home');
  for (let step = 0; step < 100 && !/ 10:00, /.test((await cursor.getAttribute('aria-label')) ?? ''); step += 1)
    await page.keyboard.press('ArrowDown');
  await expect(cursor).toHaveAttribute('aria-label', new RegExp(`^Свободно: .* 10:00, ${doctorName}`));
  await page.screenshot({ path: `${shots}/appointments-grid-1366x768.png` });
  await axeClean(page);
  await page.keyboard.press('Enter');
  const booking = page.getByRole('dialog', { name: 'Запись на приём' });
  await expect(booking).toBeVisible();
  await booking.getByRole('combobox', { name: /^Услуга/ }).press('Enter');
  await expect(page.getByRole('option', { name: /Приём терапевта первичный/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await booking.getByRole('combobox', { name: /^Пациент/ }).pressSequentially(patient.surname);
  await expect(page.getByRole('option', { name: new RegExp(patient.surname) })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.screenshot({ path: `${shots}/appointments-book-1366x768.png` });
  await axeClean(page);
  await booking.getByRole('button', { name: 'Записать' }).press('Enter');
  await expect(booking).toBeHidden();

  // The server claims the slot and says booked; the desk shows it.
  const booked = await serverRow(
    server,
    'appointments',
    (data) => data.patient_id === card.patientId && data.status === 'booked',
  );
  expect(localDate(String(booked.starts_at), clinicTimeZone)).toBe(day);
  const block = page.getByRole('button', { name: new RegExp(`^10:00–10:20, ${fullName}, .*, записан$`) });
  await expect(async () => {
    await page.reload();
    await expect(block).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await page.screenshot({ path: `${shots}/appointments-day-1366x768.png` });
  await axeClean(page);

  // The patient moves it in the cabinet to the first free time that day, and attaches a referral.
  const cabinet = await patientCabinetTab(context, server, card.patientId, {
    ...patient,
    email: 'alla.zimina@example.ru',
    phone: '+79165550022',
  });
  await cabinet.goto(`${server.url}/cabinet/appointments`);
  await expect(cabinet.getByRole('heading', { level: 1, name: 'Записи' })).toBeVisible();
  await expect(cabinet.getByText('Вы записаны')).toBeVisible();
  await axeClean(cabinet);
  await cabinet.getByRole('link', { name: /^Перенести запись: / }).click();
  await expect(cabinet.getByRole('heading', { name: 'Перенос записи' })).toBeVisible();
  await cabinet.getByRole('radio', { name: 'Конкретного специалиста' }).check();
  await cabinet.getByRole('combobox', { name: 'Специалист' }).selectOption({ index: 1 });
  await cabinet.getByRole('combobox', { name: 'Услуга' }).selectOption({ index: 1 });
  await cabinet.getByLabel('С', { exact: true }).fill(day);
  await cabinet.getByLabel('По', { exact: true }).fill(day);
  await cabinet.getByRole('button', { name: 'Показать свободное время' }).click();
  const firstFree = cabinet.getByRole('button', { name: /, 09:00$/ });
  await expect(firstFree).toBeVisible();
  await axeClean(cabinet);
  await firstFree.click();
  await expect(cabinet.getByText('Время отложено для вас')).toBeVisible();
  await cabinet.getByRole('button', { name: 'Перенести на это время' }).click();
  await expect(cabinet.getByRole('heading', { name: 'Запись перенесена' })).toBeVisible();
  await cabinet.screenshot({ path: `${shots}/cabinet-appointment-moved-1366x768.png` });
  await axeClean(cabinet);

  const folder = await mkdtemp(join(tmpdir(), 'medcard-referral-'));
  const file = join(folder, 'napravlenie.png');
  await writeFile(file, await pngPage());
  await cabinet.goto(`${server.url}/cabinet/appointments`);
  await cabinet.getByRole('button', { name: /^Прикрепить файл к записи: / }).click();
  await cabinet.locator('input[type=file]').setInputFiles(file);
  await cabinet.getByLabel('Название').fill('Направление к терапевту');
  await cabinet.getByRole('button', { name: 'Прикрепить', exact: true }).click();
  await expect(cabinet.getByText('Файл «Направление к терапевту» прикреплён: врач увидит его.')).toBeVisible();
  await cabinet.screenshot({ path: `${shots}/cabinet-appointments-1366x768.png` });
  await axeClean(cabinet);
  const moved = await serverRow(
    server,
    'appointments',
    (data) => data.patient_id === card.patientId && data.status === 'booked' && data.replaces_id === booked.id,
  );
  expect(localDate(String(moved.starts_at), clinicTimeZone)).toBe(day);

  // The doctor: their day, the visit at 09:00 with the patient's referral.
  await expectOk(api, 'auth.signOut', {});
  await signIn(api, doctor);
  await page.goto(`${desk.origin}/#/appointments/mine`);
  await page.reload();
  await expect(page.getByText(`Пользователь: ${doctorName} (врач)`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Мой день' })).toBeVisible();
  for (let shift = 0; shift < epochDay(day) - epochDay(today); shift += 1)
    await page.getByRole('button', { name: 'Позже' }).click();
  const list = page.getByRole('list', { name: 'Записи дня' });
  await expect(async () => {
    await page.getByRole('button', { name: 'Позже' }).click();
    await page.getByRole('button', { name: 'Раньше' }).click();
    await expect(list.getByRole('button', { name: 'Вложения: 1' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(list.getByText(/09:00/)).toBeVisible();
  await list.getByRole('button', { name: 'Вложения: 1' }).click();
  await expect(page.getByText('Направление к терапевту')).toBeVisible();
  await page.screenshot({ path: `${shots}/appointments-my-day-1366x768.png` });
  await axeClean(page);
});
