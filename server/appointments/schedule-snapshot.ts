import type { Knex } from 'knex';
import type { SlotContext } from '../../shared/appointments/free-slots';
import { addDays, localDate, localTime, minutesOf } from '../../shared/appointments/local-time';
import { scheduleFromRows, type Row } from '../../shared/appointments/rows';
import { clinicTimeZone, type ScheduleSnapshot } from '../../shared/appointments/schedule';
import { workingDay } from '../../shared/appointments/working-day';
import { businessCalendar, type BusinessCalendar } from '../../shared/domain/business-days';
import { applicationRuntime, calendarSource } from '../cabinet/applications/application-runtime';
import { serverCalendar } from '../cabinet/applications/server-calendar';
import { toRecord } from '../db/values';
import { busyBetween } from './claims';

/**
 * The clinic's schedule as the server holds it — the synced rows of the five schedule tables —
 * and what occupies it (appointment_claims), read in the caller's transaction: what the slot
 * engine (shared/appointments/) judges a search or a booking against, the same code the desks run.
 */
const scheduleTables = ['specialists', 'rooms', 'service_types', 'work_patterns', 'schedule_exceptions'] as const;

/** A specialist's specialty and position by name, as the saving desk wrote them from its НСИ (null: not there). */
export interface SpecialistNames {
  specialtyName: string | null;
  positionName: string | null;
}

export async function clinicSchedule(db: Knex | Knex.Transaction, clinicId: string): Promise<ScheduleSnapshot> {
  return (await namedClinicSchedule(db, clinicId)).schedule;
}

/** The schedule and, from the same rows, each specialist's names (the server holds no НСИ to look them up). */
export async function namedClinicSchedule(
  db: Knex | Knex.Transaction,
  clinicId: string,
): Promise<{ schedule: ScheduleSnapshot; names: Map<string, SpecialistNames> }> {
  const rows = await db('records')
    .where({ clinic_id: clinicId })
    .whereIn('table_name', scheduleTables)
    .select<{ table_name: string; id: string; data: unknown }[]>('table_name', 'id', 'data');
  const of = (table: string): Row[] =>
    rows.filter((row) => row.table_name === table).map((row) => ({ ...toRecord(row.data), id: row.id }));
  const specialists = of('specialists');
  const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
  const schedule = scheduleFromRows({
    specialists,
    rooms: of('rooms'),
    serviceTypes: of('service_types'),
    patterns: of('work_patterns'),
    exceptions: of('schedule_exceptions'),
  });
  const names = new Map<string, SpecialistNames>(
    specialists.map((row) => [
      String(row.id),
      { specialtyName: text(row.specialty_name), positionName: text(row.position_name) },
    ]),
  );
  return { schedule, names };
}

/** The calendar years a range of local days touches. */
export function yearsOf(from: string, to: string): number[] {
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) years.push(year);
  return years;
}

/**
 * The clinic's production calendar for `years`: its published releases (server-calendar.ts, which
 * counts an unpublished year as weekends only and warns). Without the cabinet the server has no
 * key to read the releases' files with, and counts weekends only.
 */
export async function clinicCalendar(
  db: Knex | Knex.Transaction,
  clinicId: string,
  years: readonly number[],
): Promise<BusinessCalendar> {
  const runtime = applicationRuntime(db as Knex);
  if (runtime) return serverCalendar(calendarSource(db as Knex, runtime), clinicId, years);
  return businessCalendar(years.map((year) => ({ year, daysOff: [], shortenedDays: [], workingWeekendDays: [] })));
}

/** Local days `from`–`to` as a range of instants wide enough for any zone offset. */
function instantsAround(from: string, to: string): { from: string; to: string } {
  return { from: `${addDays(from, -1)}T00:00:00.000Z`, to: `${addDays(to, 2)}T00:00:00.000Z` };
}

/**
 * Everything the slot engine needs for local days `from`–`to` (ISO dates in the clinic's zone):
 * the schedule, the calendar and what is busy then. `except`: a booking being moved.
 */
export async function slotContext(
  db: Knex | Knex.Transaction,
  clinicId: string,
  days: { from: string; to: string },
  now: Date,
  except: string | null = null,
): Promise<SlotContext> {
  // One after another: a transaction's queries share one connection.
  const schedule = await clinicSchedule(db, clinicId);
  const calendar = await clinicCalendar(db, clinicId, yearsOf(addDays(days.from, -1), addDays(days.to, 1)));
  const busy = await busyBetween(db, clinicId, instantsAround(days.from, days.to), now, except);
  return { schedule, calendar, busy };
}

/** The local day of an instant in the clinic's zone. */
export const clinicDay = (instant: string): string => localDate(instant, clinicTimeZone);

/** The room a booking at `startsAt` takes: its working period's (the pattern's, else the specialist's own). */
export function slotRoom(context: SlotContext, specialistId: string, startsAt: string): string | null {
  const day = workingDay(context.schedule, context.calendar, specialistId, clinicDay(startsAt));
  const at = minutesOf(localTime(startsAt, clinicTimeZone));
  const period = day.periods.find((p) => minutesOf(p.starts) <= at && at < minutesOf(p.ends));
  return period?.roomId ?? day.roomId;
}
