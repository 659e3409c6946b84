import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freeSlots } from '../../shared/appointments/free-slots';
import { addDays, localInstant } from '../../shared/appointments/local-time';
import { clinicTimeZone, maxFutureBookingsPerPatient, type BusyInterval } from '../../shared/appointments/schedule';
import { isoDay } from '../../shared/domain/calendar-date';
import { AppError } from '../../shared/errors/app-error';
import type { ZonedActorContext } from '../core/context';
import { savePattern, saveRoom, saveServiceType, saveSpecialist } from '../services/appointments/save-schedule';
import { scheduleCalendar } from '../services/appointments/schedule-calendar';
import { readSchedule } from '../services/appointments/schedule-rows';
import { importDictionaryFile, importDictionaryFiles } from '../services/dictionaries/import-file';
import { insertRecord } from '../store/record-door';
import { demoDoctors } from './seed-charts';
import { SeededRandom } from './random';

/**
 * A demo clinic's schedule and a month of bookings around today (issue 13), so the desk's day and
 * week views have something to show: five specialists (the demo doctors of the charts among
 * them, so each sees their own day), their rooms and services with real НСИ codes, weekly
 * patterns with breaks, and bookings — past ones arrived, a few no-shows and cancellations,
 * future ones booked, two still waiting for the server. The schedule goes through the schedule's
 * services (every rule and code checked); the bookings take free slots of the shared engine and
 * are written through the door as a server would have confirmed them (a demo desk has none).
 * Deterministic in `seed`; a desk that already has specialists keeps its schedule.
 */

interface DemoSpecialist {
  displayName: string;
  login: string | null;
  specialtyCode: string;
  positionCode: string;
  room: string;
  services: readonly string[];
  /** ISO weekdays with their hours and break. */
  days: readonly {
    weekdays: readonly number[];
    starts: string;
    ends: string;
    lunch: readonly [string, string] | null;
  }[];
}

const demoServices = {
  therapistFirst: { serviceCode: 'B01.047.001', name: 'Приём терапевта первичный', durationMin: 20 },
  therapistRepeat: { serviceCode: 'B01.047.002', name: 'Приём терапевта повторный', durationMin: 15 },
  therapistVideo: { serviceCode: 'B01.047.002', name: 'Консультация терапевта по видеосвязи', durationMin: 15 },
  cardiologist: { serviceCode: 'B01.015.001', name: 'Приём кардиолога первичный', durationMin: 30 },
  neurologist: { serviceCode: 'B01.023.001', name: 'Приём невролога первичный', durationMin: 30 },
  surgeon: { serviceCode: 'B01.057.001', name: 'Приём хирурга первичный', durationMin: 20 },
  ophthalmologist: { serviceCode: 'B01.029.001', name: 'Приём офтальмолога первичный', durationMin: 20 },
} as const;
type DemoService = keyof typeof demoServices;

const weekdays = [1, 2, 3, 4, 5] as const;
const demoSpecialists: readonly DemoSpecialist[] = [
  {
    displayName: demoDoctors[0].displayName,
    login: demoDoctors[0].login,
    specialtyCode: '27',
    positionCode: '109',
    room: 'Кабинет 101',
    services: ['therapistFirst', 'therapistRepeat', 'therapistVideo'],
    days: [{ weekdays, starts: '08:00', ends: '14:00', lunch: ['11:00', '11:20'] }],
  },
  {
    displayName: demoDoctors[1].displayName,
    login: demoDoctors[1].login,
    specialtyCode: '118',
    positionCode: '34',
    room: 'Кабинет 203',
    services: ['cardiologist'],
    days: [
      { weekdays: [1, 3, 5], starts: '09:00', ends: '15:00', lunch: ['12:00', '12:30'] },
      { weekdays: [2, 4], starts: '14:00', ends: '20:00', lunch: ['17:00', '17:30'] },
    ],
  },
  {
    displayName: demoDoctors[2].displayName,
    login: demoDoctors[2].login,
    specialtyCode: '14',
    positionCode: '45',
    room: 'Кабинет 205',
    services: ['neurologist'],
    days: [{ weekdays: [1, 2, 3, 4], starts: '10:00', ends: '17:00', lunch: ['13:00', '13:30'] }],
  },
  {
    displayName: 'Кузнецов Андрей Петрович',
    login: null,
    specialtyCode: '30',
    positionCode: '122',
    room: 'Кабинет 110',
    services: ['surgeon'],
    days: [{ weekdays: [1, 3, 5], starts: '08:30', ends: '13:30', lunch: null }],
  },
  {
    displayName: 'Волкова Наталья Игоревна',
    login: null,
    specialtyCode: '20',
    positionCode: '54',
    room: 'Кабинет 310',
    services: ['ophthalmologist'],
    days: [{ weekdays: [2, 4, 5], starts: '12:00', ends: '18:00', lunch: ['15:00', '15:20'] }],
  },
];

export interface SeedAppointmentsTotals {
  specialists: number;
  bookings: number;
  /** Days left out (a year of the production calendar not imported). */
  daysWithoutCalendar: number;
}

/** The schedule described above, through the schedule's services (as a senior clerk); its specialists' ids. */
function seedSchedule(ctx: ZonedActorContext, since: string): string[] {
  const manager = { ...ctx, actor: { ...ctx.actor, role: 'senior_clerk' as const } };
  const staffIds = new Map(
    ctx.store
      .read((tx) => tx.all<{ id: string; login: string }>("SELECT id, login FROM staff WHERE kind = 'person'"))
      .map((row) => [row.login, row.id]),
  );
  const services = new Map<DemoService, string>();
  for (const [key, service] of Object.entries(demoServices) as [DemoService, (typeof demoServices)[DemoService]][])
    services.set(
      key,
      saveServiceType(manager, {
        ...service,
        mode: key === 'therapistVideo' ? 'remote' : 'in_person',
        dailyLimit: key === 'surgeon' ? 12 : null,
        instructions: key === 'therapistVideo' ? null : 'Возьмите паспорт, полис ОМС и результаты обследований',
        active: true,
      }).id,
    );
  return demoSpecialists.map((demo) => {
    const roomId = saveRoom(manager, { name: demo.room, active: true }).id;
    const specialistId = saveSpecialist(manager, {
      staffId: (demo.login === null ? undefined : staffIds.get(demo.login)) ?? null,
      displayName: demo.displayName,
      specialtyCode: demo.specialtyCode,
      positionCode: demo.positionCode,
      department: 'Поликлиническое отделение',
      roomId,
      active: true,
    }).id;
    for (const hours of demo.days)
      for (const weekday of hours.weekdays)
        savePattern(manager, {
          specialistId,
          roomId: null,
          weekday,
          starts: hours.starts,
          ends: hours.ends,
          breaks: hours.lunch === null ? [] : [{ starts: hours.lunch[0], ends: hours.lunch[1] }],
          serviceTypeIds: demo.services.map((key) => services.get(key as DemoService)!),
          validFrom: since,
          validTo: null,
        });
    return specialistId;
  });
}

const overlaps = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * Writes the demo schedule (unless the desk has one) and bookings from a week ago to two weeks
 * ahead for `patients`. Days of a year whose production calendar is not imported are skipped.
 */
export function seedAppointments(
  ctx: ZonedActorContext,
  patients: readonly string[],
  options: { seed: number },
): SeedAppointmentsTotals {
  const now = ctx.clock.now().toISOString();
  const today = isoDay(ctx.clock.now(), clinicTimeZone);
  const hasSchedule = ctx.store.read((tx) => tx.get('SELECT 1 FROM specialists LIMIT 1') !== undefined);
  if (!hasSchedule) seedSchedule(ctx, addDays(today, -60));
  const schedule = ctx.store.read((tx) => readSchedule(tx));
  const totals: SeedAppointmentsTotals = {
    specialists: schedule.specialists.length,
    bookings: 0,
    daysWithoutCalendar: 0,
  };
  if (patients.length === 0 || hasSchedule) return totals;
  const random = new SeededRandom(options.seed * 7_919 + 13);
  const busy: BusyInterval[] = [];
  const future = new Map<string, number>();
  let waiting = 2;
  for (let offset = -7; offset <= 14; offset++) {
    const date = addDays(today, offset);
    let calendar;
    try {
      calendar = scheduleCalendar(ctx, [date]);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'appointments.calendar.missing') throw error;
      totals.daysWithoutCalendar += 1;
      continue;
    }
    // Busier near today: most of the past filled, the next days well booked, later ones thinning out.
    const fill = offset <= 0 ? 0.75 : Math.max(0.2, 0.7 - offset * 0.035);
    for (const specialist of schedule.specialists) {
      const offered = schedule.patterns.find((p) => p.specialistId === specialist.id)?.serviceTypeIds ?? [];
      if (offered.length === 0) continue;
      const slots = freeSlots(
        { schedule, calendar, busy },
        {
          specialistId: specialist.id,
          serviceTypeId: offered[(offset + 7) % offered.length]!,
          from: date,
          to: date,
          notBefore: localInstant(date, '00:00', clinicTimeZone),
          limit: 100,
        },
      );
      for (const slot of slots) {
        if (!random.chance(fill) || busy.some((b) => b.specialistId === slot.specialistId && overlaps(b, slot)))
          continue;
        const upcoming = slot.startsAt >= now;
        const patientId = pickPatient(random, patients, busy, future, slot, upcoming);
        if (patientId === null) continue;
        const service = schedule.serviceTypes.find((s) => s.id === slot.serviceTypeId)!;
        const status = upcoming
          ? random.chance(0.05)
            ? 'cancelled'
            : 'booked'
          : random.chance(0.08)
            ? 'no_show'
            : random.chance(0.06)
              ? 'cancelled'
              : 'arrived';
        const requested = upcoming && status === 'booked' && offset >= 1 && waiting > 0 && random.chance(0.05);
        if (requested) waiting -= 1;
        writeBooking(ctx, {
          patientId,
          slot,
          mode: service.mode,
          status: requested ? 'requested' : status,
          now,
        });
        totals.bookings += 1;
        if (status !== 'cancelled') {
          busy.push({ appointmentId: String(totals.bookings), patientId, ...slot });
          if (upcoming) future.set(patientId, (future.get(patientId) ?? 0) + 1);
        }
      }
    }
  }
  return totals;
}

function pickPatient(
  random: SeededRandom,
  patients: readonly string[],
  busy: readonly BusyInterval[],
  future: ReadonlyMap<string, number>,
  slot: { startsAt: string; endsAt: string },
  upcoming: boolean,
): string | null {
  for (let attempt = 0; attempt < 8; attempt++) {
    const patientId = random.pick(patients);
    if (upcoming && (future.get(patientId) ?? 0) >= maxFutureBookingsPerPatient - 1) continue;
    if (busy.some((b) => b.patientId === patientId && overlaps(b, slot))) continue;
    return patientId;
  }
  return null;
}

function writeBooking(
  ctx: ZonedActorContext,
  booking: {
    patientId: string;
    slot: { specialistId: string; roomId: string | null; serviceTypeId: string; startsAt: string; endsAt: string };
    mode: string;
    status: 'requested' | 'booked' | 'arrived' | 'no_show' | 'cancelled';
    now: string;
  },
): void {
  const { slot, status } = booking;
  const bookedAt = new Date(Date.parse(slot.startsAt) - 5 * 86_400_000).toISOString();
  const stamp = (at: string) => (at < booking.now ? at : booking.now);
  ctx.store.transaction((tx) =>
    insertRecord(
      { tx, actor: ctx.actor, at: booking.now },
      'appointments.write',
      'appointments',
      {
        patient_id: booking.patientId,
        specialist_id: slot.specialistId,
        room_id: slot.roomId,
        service_type_id: slot.serviceTypeId,
        starts_at: slot.startsAt,
        ends_at: slot.endsAt,
        mode: booking.mode,
        status,
        source: 'desk',
        patient_time_zone: clinicTimeZone,
        booked_at: status === 'requested' ? null : stamp(bookedAt),
        cancelled_at: status === 'cancelled' ? stamp(bookedAt) : null,
        cancelled_by: status === 'cancelled' ? ctx.actor.staffId : null,
        cancel_reason: status === 'cancelled' ? 'Пациент отменил запись по телефону' : null,
        arrived_at: status === 'arrived' ? new Date(Date.parse(slot.startsAt) - 10 * 60_000).toISOString() : null,
        no_show_at: status === 'no_show' ? slot.endsAt : null,
      },
      { action: 'appointments.demo', patientId: booking.patientId, details: { startsAt: slot.startsAt } },
    ),
  );
}

/** The folder and its direct subfolders (`nsi-json/`, `calendar-ru/` as the files are kept). */
function folders(dir: string): string[] {
  if (dir === '' || !existsSync(dir)) return [];
  return [
    dir,
    ...readdirSync(dir)
      .map((name) => join(dir, name))
      .filter((path) => statSync(path).isDirectory()),
  ];
}

/**
 * What the demo schedule needs and the desk lacks, imported on this desk from `dir` (a folder of
 * the ministry's files, as `seed-demo --dictionaries`): specialties (1066) and positions (1002)
 * from their ФНСИ exports, and this year's and next year's production calendar (`YEAR.xml`).
 * Says what it imported.
 */
export function importScheduleDictionaries(ctx: ZonedActorContext, dir: string, say: (line: string) => void): void {
  const admin = { ...ctx, actor: { ...ctx.actor, role: 'admin' as const } };
  const active = new Set(
    ctx.store
      .read((tx) => tx.all<{ name: string }>('SELECT name FROM dictionaries WHERE active = 1'))
      .map((row) => row.name),
  );
  const oids = { specialties: '1.2.643.5.1.13.13.11.1066_', positions: '1.2.643.5.1.13.13.11.1002_' } as const;
  for (const [name, oid] of Object.entries(oids)) {
    if (active.has(name)) continue;
    const folder = folders(dir).find((path) => readdirSync(path).some((file) => file.startsWith(oid)));
    if (folder === undefined) continue;
    const { outcome } = importDictionaryFiles(admin, name, [folder]);
    say(`Dictionary ${name}, version ${outcome.version}: ${outcome.rows} rows imported`);
  }
  const year = Number(isoDay(ctx.clock.now(), clinicTimeZone).slice(0, 4));
  for (const wanted of [year, year + 1]) {
    if (active.has(`calendar-ru/${wanted}`)) continue;
    const file = folders(dir)
      .map((path) => join(path, `${wanted}.xml`))
      .find((path) => existsSync(path));
    if (file === undefined) continue;
    importDictionaryFile(admin, 'calendar-ru', file);
    say(`Production calendar ${wanted} imported`);
  }
}

/**
 * `seed-demo … --charts`: the demo schedule and bookings for `patientIds` after the charts, with
 * what it wrote on `say`. A code the dictionaries lack is reported, not fatal: the charts stay.
 */
export function seedAppointmentsStage(
  ctx: ZonedActorContext,
  patientIds: readonly string[],
  options: { seed: number; dictionaries: string },
  io: { out(line: string): void; err(text: string): void },
): void {
  importScheduleDictionaries(ctx, options.dictionaries, (line) => io.out(line));
  try {
    // One transaction: a refusal half-way leaves no half a schedule.
    const totals = ctx.store.transaction(() => seedAppointments(ctx, patientIds, { seed: options.seed }));
    io.out(`Schedule of ${totals.specialists} specialists; ${totals.bookings} demo bookings`);
    if (totals.daysWithoutCalendar > 0)
      io.out(`  ${totals.daysWithoutCalendar} days left without bookings: their production calendar is not imported`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.err(`The demo schedule was not written: ${error.message}\n`);
  }
}
