/**
 * The desk's week view (issue 13, item 8): the week of a busy department — 14 specialists, 1,000
 * bookings — rendered by the real renderer in Chromium, served by the real browser host over a
 * seeded SQLCipher desk (the e2e tests' way: test/e2e/prepared-desk.ts, first-admin-at-desk.ts).
 *
 * Time to interactive, per run: from asking for the week (the address changes to the schedule's
 * week) until the first booking is on screen AND a key press on the grid has been handled (the
 * focus moved). Also the range call alone (the host's answer, from the browser's resource timing)
 * and single key presses on the open week (arrow → the focus moved, p50/p95).
 *
 *   npm run build:renderer && npm run bench:week     (BENCH_RUNS=…, default 12; CHROMIUM=… the browser)
 */
import { chromium, type Page } from 'playwright-core';
import { fixedActorContext } from '../electron/core/fixed-actor-context';
import { ensureWorkstation } from '../electron/core/workstation';
import { syntheticPatients } from '../electron/demo/synthetic-patients';
import { bookAppointment } from '../electron/services/appointments/request-booking';
import {
  savePattern,
  saveRoom,
  saveServiceType,
  saveSpecialist,
} from '../electron/services/appointments/save-schedule';
import { importDictionary } from '../electron/services/dictionaries/import-dictionary';
import { createPatients } from '../electron/services/patients/create-patient';
import { systemClock } from '../electron/store/clock';
import type { Store } from '../electron/store/open-store';
import { addDays, isoWeekday, localDate, localInstant } from '../shared/appointments/local-time';
import { clinicTimeZone } from '../shared/appointments/schedule';
import { patientDraftSchema } from '../shared/domain/patient';
import { AppError } from '../shared/errors/app-error';
import { firstAdminBeforeEnrolment } from '../test/e2e/first-admin-at-desk';
import { usePreparedDesk } from '../test/e2e/prepared-desk';
import { callOver } from '../test/e2e/staff';
import { holdTabCookie } from '../test/e2e/tab-cookie';
import { fixtureCodes } from '../test/support/appointment-fixtures';
import { importDocumentDictionaries } from '../test/support/document-dictionaries';
import { addStaff, expectOk, signIn, type StaffMember } from '../test/support/staff-over-api';
import { machine, summarize } from './lib/stats';

const specialists = 14;
const bookings = 1000;
const patients = 250;
const runs = Number(process.env.BENCH_RUNS ?? 12);
const serviceMinutes = 20;

const doctorNames = [
  'Смирнова Ольга Ивановна',
  'Кузнецов Андрей Петрович',
  'Попова Елена Сергеевна',
  'Васильев Игорь Николаевич',
  'Соколова Марина Викторовна',
  'Михайлов Денис Олегович',
  'Новикова Татьяна Юрьевна',
  'Фёдоров Павел Андреевич',
  'Морозова Ирина Алексеевна',
  'Волков Сергей Дмитриевич',
  'Алексеева Наталья Павловна',
  'Лебедев Максим Игоревич',
  'Семёнова Анна Владимировна',
  'Егоров Роман Викторович',
];

/** Next Monday in the clinic's zone: the week booked and viewed (the desk refuses times in the past). */
function nextMonday(): string {
  const today = localDate(new Date().toISOString(), clinicTimeZone);
  return addDays(today, 8 - isoWeekday(today));
}

interface Seeded {
  admin?: StaffMember;
  week?: string;
  booked?: number;
}

/**
 * The department, written through the desk's services as the clinic would: the calendar and the
 * НСИ codes, 14 specialists in their rooms working Mon–Sat 08:00–20:00 with a break, 250 patients,
 * and 1,000 booking requests spread over the week (4 per patient, under the 5 allowed).
 */
export async function seedBusyDepartment(store: Store, origin: string, seeded: Seeded): Promise<void> {
  seeded.admin = await firstAdminBeforeEnrolment(store, origin);
  const desk = ensureWorkstation(store, systemClock.now());
  const as = (role: 'admin' | 'clerk' | 'senior_clerk') =>
    fixedActorContext({
      store,
      clock: systemClock,
      actor: { ...desk, staffId: seeded.admin!.id, kind: 'person', role },
    });
  importDocumentDictionaries(as('admin'));
  for (const [name, rows] of Object.entries(fixtureCodes))
    importDictionary(
      as('admin'),
      name,
      '1.0',
      rows.map((row) => ({ code: row.code, name: row.name, data: {} })),
    );
  const manager = as('senior_clerk');
  const service = saveServiceType(manager, {
    serviceCode: 'B01.047.001',
    name: 'Приём терапевта первичный',
    durationMin: serviceMinutes,
    mode: 'in_person',
    dailyLimit: null,
    instructions: null,
    active: true,
  }).id;
  const week = nextMonday();
  const ids = doctorNames.slice(0, specialists).map((displayName, index) => {
    const roomId = saveRoom(manager, { name: `Кабинет ${301 + index}`, active: true }).id;
    const id = saveSpecialist(manager, {
      staffId: null,
      displayName,
      specialtyCode: '27',
      positionCode: '109',
      department: 'Терапевтическое отделение',
      roomId,
      active: true,
    }).id;
    for (const weekday of [1, 2, 3, 4, 5, 6])
      savePattern(manager, {
        specialistId: id,
        roomId: null,
        weekday,
        starts: '08:00',
        ends: '20:00',
        breaks: [{ starts: '13:00', ends: '13:30' }],
        serviceTypeIds: null,
        validFrom: addDays(week, -7),
        validTo: null,
      });
    return id;
  });
  const today = localDate(new Date().toISOString(), clinicTimeZone);
  const patientIds = createPatients(
    as('clerk'),
    [...syntheticPatients({ seed: 13, count: patients, today })].map((draft) => patientDraftSchema.parse(draft)),
  );
  // Every free start of the week on the service's grid, taken in a scrambled but fixed order.
  const starts: { specialistId: string; startsAt: string }[] = [];
  for (let day = 0; day < 6; day += 1)
    for (const specialistId of ids)
      for (let minute = 8 * 60; minute + serviceMinutes <= 20 * 60; minute += serviceMinutes) {
        if (minute + serviceMinutes > 13 * 60 && minute < 13 * 60 + 30) continue;
        const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        starts.push({ specialistId, startsAt: localInstant(addDays(week, day), hhmm, clinicTimeZone) });
      }
  const order = starts.map((_slot, index) => index).sort((a, b) => ((a * 7919) % 10007) - ((b * 7919) % 10007));
  const clerk = as('clerk');
  let made = 0;
  let patient = 0;
  for (const index of order) {
    if (made === bookings) break;
    const slot = starts[index]!;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        bookAppointment(clerk, {
          patientId: patientIds[patient % patientIds.length]!,
          specialistId: slot.specialistId,
          serviceTypeId: service,
          startsAt: slot.startsAt,
          note: null,
        });
        made += 1;
        patient += 1;
        break;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        patient += 1; // this patient is busy then or has enough bookings: the next one
      }
    }
  }
  seeded.week = week;
  seeded.booked = made;
}

interface Run {
  interactive: number;
  firstBlock: number;
  rangeCall: number;
}

/**
 * Listeners in the page: when a key went down, and the first frame after it in which the focused
 * element names another time or booking (the key was handled and painted).
 */
const timingProbe = `
  window.__bench = { keyAt: 0, movedAt: 0, firstBlockAt: 0 };
  const label = () => document.activeElement && document.activeElement.getAttribute('aria-label');
  window.addEventListener('keydown', () => {
    const before = label();
    window.__bench.keyAt = performance.now();
    window.__bench.movedAt = 0;
    const check = () => {
      if (label() !== before) window.__bench.movedAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, true);
`;

interface Probe {
  keyAt: number;
  movedAt: number;
  firstBlockAt: number;
}

/** Presses `key` (a real key press) and waits until the grid moved the focus: the key's handling time. */
async function pressAndTime(page: Page, key: string): Promise<number> {
  await page.keyboard.press(key);
  await page.waitForFunction(() => (window as unknown as { __bench: Probe }).__bench.movedAt > 0, null, {
    polling: 'raf',
  });
  return page.evaluate(() => {
    const probe = (window as unknown as { __bench: Probe }).__bench;
    return probe.movedAt - probe.keyAt;
  });
}

/**
 * One run: leave for the patients, then ask for the week. Time to interactive = until the first
 * booking is painted, plus the time the first key press on the grid takes to move the focus.
 */
async function measureOnce(page: Page, week: string): Promise<Run> {
  await page.evaluate(() => {
    location.hash = '#/patients';
  });
  await page.getByRole('heading', { level: 1, name: 'Пациенты' }).waitFor();
  const started = await page.evaluate((date) => {
    performance.clearResourceTimings();
    const probe = (window as unknown as { __bench: Probe }).__bench;
    probe.firstBlockAt = 0;
    const watch = () => {
      if (document.querySelector('.cal-block')) probe.firstBlockAt = performance.now();
      else requestAnimationFrame(watch);
    };
    const at = performance.now();
    location.hash = `#/appointments?period=week&by=specialist&show=all&date=${date}`;
    requestAnimationFrame(watch);
    return at;
  }, week);
  await page.waitForFunction(() => (window as unknown as { __bench: Probe }).__bench.firstBlockAt > 0, null, {
    polling: 'raf',
  });
  const shownAt = await page.evaluate(() => {
    document.querySelector<HTMLElement>('.cal-grid [tabindex="0"]')?.focus();
    return (window as unknown as { __bench: Probe }).__bench.firstBlockAt;
  });
  const key = await pressAndTime(page, 'ArrowDown');
  const rangeCall = await page.evaluate(() => {
    const entry = performance
      .getEntriesByType('resource')
      .find((candidate) => candidate.name.includes('appointments.range')) as PerformanceResourceTiming | undefined;
    return entry ? entry.responseEnd - entry.startTime : Number.NaN;
  });
  return { interactive: shownAt - started + key, firstBlock: shownAt - started, rangeCall };
}

/** Arrow presses on the open week, each from the key going down to the focus having moved. */
async function measureKeys(page: Page, presses: number): Promise<number[]> {
  const keys = ['ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowLeft'];
  const samples: number[] = [];
  for (let press = 0; press < presses; press += 1) samples.push(await pressAndTime(page, keys[press % keys.length]!));
  return samples;
}

async function main(): Promise<void> {
  const seeded: Seeded = {};
  const seedStarted = performance.now();
  await usePreparedDesk(
    'medcard-bench-week-',
    (store, { origin }) => seedBusyDepartment(store, origin, seeded),
    async (desk) => {
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      const api = callOver(desk);
      await signIn(api, seeded.admin!);
      const clerk = await addStaff(api, desk.origin, 'clerk', 'clerk.bench', 'Регистраторова Рита Олеговна');
      await expectOk(api, 'auth.signOut', {});
      await signIn(api, clerk);
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
      try {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
        await holdTabCookie(context as never, desk);
        // tsx keeps function names with a `__name` helper the page does not have: give it one.
        await context.addInitScript('window.__name = (fn) => fn');
        await context.addInitScript(timingProbe);
        const page = await context.newPage();
        await page.goto(desk.url);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await measureOnce(page, seeded.week!); // warm-up: code loaded, caches filled
        const samples: Run[] = [];
        for (let run = 0; run < runs; run += 1) samples.push(await measureOnce(page, seeded.week!));
        const blocks = await page.locator('.cal-block').count();
        const keys = await measureKeys(page, 40);
        const round = (value: number) => Math.round(value * 10) / 10;
        const figures = (values: number[]) => {
          const summary = summarize(values);
          return { p50: round(summary.p50), p95: round(summary.p95), max: round(summary.max) };
        };
        const result = {
          machine: machine(),
          week: seeded.week,
          specialists,
          bookings: seeded.booked,
          blocksOnScreen: blocks,
          runs,
          seedSeconds: Math.round(seedSeconds),
          timeToInteractiveMs: figures(samples.map((sample) => sample.interactive)),
          firstBlockMs: figures(samples.map((sample) => sample.firstBlock)),
          rangeCallMs: figures(samples.map((sample) => sample.rangeCall)),
          keyPressMs: figures(keys),
        };
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } finally {
        await browser.close();
      }
    },
  );
}

if (process.argv[1]?.endsWith('week-view.bench.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
