import type { BusinessCalendar } from '../domain/business-days';
import { epochDay } from '../domain/business-days';
import { hhmmOf, isoWeekday, minutesOf } from './local-time';
import type { Break, ScheduleException, ScheduleSnapshot, WorkPattern } from './schedule';

/**
 * One specialist's hours on one day, by the rules of the schedule (the names-13 "Rules of
 * the schedule"): the weekday's patterns valid that day; a weekday off by the production calendar
 * is closed, an ordinary weekend follows its own patterns (none: closed), a weekend the decree
 * makes working follows its own weekday's pattern or else Monday's,
 * a shortened day ends an hour earlier; then the exceptions, the most specific winning.
 */

export type DayOffReason = 'holiday' | 'leave' | 'sickness' | 'closed' | 'no_pattern';

export interface WorkingPeriod {
  /** Local `HH:MM`. */
  starts: string;
  ends: string;
  /** The pattern's room, else the specialist's own; null when neither names one. */
  roomId: string | null;
  /** The services offered in this period; null: every active service. */
  serviceTypeIds: string[] | null;
}

export interface WorkingDay {
  /** The first period's room (a day usually has one). */
  roomId: string | null;
  /** Empty when the day is closed (then `reason` says why). */
  periods: WorkingPeriod[];
  breaks: Break[];
  reason: DayOffReason | null;
  /** Every service offered that day (the union of the periods'); null: every active service. */
  serviceTypeIds: string[] | null;
}

/** Who closed a day: the calendar or the clinic (a holiday to the patient) or the specialist (away). */
export type ClosedBy = 'calendar' | 'clinic' | 'specialist' | null;

export interface ResolvedDay extends WorkingDay {
  closedBy: ClosedBy;
}

const shortenedByMinutes = 60;

const covers = (exception: ScheduleException, date: string): boolean =>
  exception.fromDate <= date && date <= exception.toDate;

/**
 * The exception that decides the day: the specialist's own before the clinic's, then the one of
 * the fewest days (a one-day `hours` inside a leave opens that day), then a closing one before
 * `hours`, then by id so that the choice never depends on the order rows were read in.
 */
function decidingException(
  exceptions: readonly ScheduleException[],
  specialistId: string,
  date: string,
): ScheduleException | null {
  let best: ScheduleException | null = null;
  let bestKey: [number, number, number, string] | null = null;
  for (const exception of exceptions) {
    if (exception.specialistId !== null && exception.specialistId !== specialistId) continue;
    if (!covers(exception, date)) continue;
    const key: [number, number, number, string] = [
      exception.specialistId === null ? 1 : 0,
      epochDay(exception.toDate) - epochDay(exception.fromDate),
      exception.kind === 'hours' ? 1 : 0,
      exception.id,
    ];
    if (bestKey === null || compareKeys(key, bestKey) < 0) {
      best = exception;
      bestKey = key;
    }
  }
  return best;
}

function compareKeys(a: [number, number, number, string], b: [number, number, number, string]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0);
}

function patternsFor(
  patterns: readonly WorkPattern[],
  specialistId: string,
  weekday: number,
  date: string,
): WorkPattern[] {
  return patterns
    .filter(
      (p) =>
        p.specialistId === specialistId &&
        p.weekday === weekday &&
        p.validFrom <= date &&
        (p.validTo === null || date <= p.validTo),
    )
    .sort((a, b) => minutesOf(a.starts) - minutesOf(b.starts) || (a.id < b.id ? -1 : 1));
}

const closed = (reason: DayOffReason, closedBy: ClosedBy): ResolvedDay => ({
  roomId: null,
  periods: [],
  breaks: [],
  reason,
  serviceTypeIds: null,
  closedBy,
});

function unionOfServices(periods: readonly WorkingPeriod[]): string[] | null {
  if (periods.some((p) => p.serviceTypeIds === null)) return null;
  return [...new Set(periods.flatMap((p) => p.serviceTypeIds ?? []))];
}

function openDay(periods: WorkingPeriod[], breaks: Break[]): ResolvedDay {
  if (periods.length === 0) return closed('no_pattern', null);
  return {
    roomId: periods[0]?.roomId ?? null,
    periods,
    breaks,
    reason: null,
    serviceTypeIds: unionOfServices(periods),
    closedBy: null,
  };
}

/** What the production calendar says of a date (the same for every specialist). */
export interface CalendarFacts {
  business: boolean;
  shortened: boolean;
}

/** Asked first, always: a year the calendar lacks is an error (`calendar.year_missing`), not an open day. */
export function calendarFacts(calendar: BusinessCalendar, date: string): CalendarFacts {
  const business = calendar.isBusinessDay(date);
  return { business, shortened: business && calendar.isShortenedDay(date) };
}

/**
 * The day with who closed it (checkBooking tells a holiday from a specialist's absence). `facts`:
 * the calendar's word on the date when the caller has it already (a search asks once per date).
 */
export function resolveDay(
  schedule: ScheduleSnapshot,
  calendar: BusinessCalendar,
  specialistId: string,
  date: string,
  facts: CalendarFacts = calendarFacts(calendar, date),
): ResolvedDay {
  const specialist = schedule.specialists.find((s) => s.id === specialistId);
  const ownRoom = specialist?.roomId ?? null;
  const { business, shortened } = facts;

  let weekday = isoWeekday(date);
  let patterns = patternsFor(schedule.patterns, specialistId, weekday, date);
  if (business && weekday >= 6 && patterns.length === 0) {
    weekday = 1;
    patterns = patternsFor(schedule.patterns, specialistId, weekday, date);
  }
  const breaks = patterns.flatMap((p) => p.breaks).sort((a, b) => minutesOf(a.starts) - minutesOf(b.starts));
  const room = (p: WorkPattern): string | null => p.roomId ?? ownRoom;

  const exception = decidingException(schedule.exceptions, specialistId, date);
  if (exception && exception.specialistId !== null && exception.kind === 'hours') {
    // One-off hours replace the day's, even on a day off; the room and services stay the weekday's.
    if (exception.starts === null || exception.ends === null) return closed('closed', 'specialist');
    const periods: WorkingPeriod[] = [
      {
        starts: exception.starts,
        ends: exception.ends,
        roomId: patterns[0] ? room(patterns[0]) : ownRoom,
        serviceTypeIds: patterns.length > 0 ? unionOfServices(patterns.map(toPeriod(room))) : null,
      },
    ].filter((p) => minutesOf(p.starts) < minutesOf(p.ends));
    return openDay(periods, breaks);
  }

  // A weekday the calendar makes a day off (a holiday, a transferred day off) is closed; an
  // ordinary Saturday or Sunday follows the clinic's own patterns for it (a polyclinic open on
  // Saturdays keeps them; a holiday falling on one is closed by a `closed` exception).
  const plainWeekend = !business && isoWeekday(date) >= 6;
  if (!business && (!plainWeekend || patterns.length === 0)) return closed('holiday', 'calendar');
  if (exception && exception.kind !== 'hours') {
    if (exception.specialistId === null) return closed('closed', 'clinic');
    return closed(exception.kind, 'specialist');
  }

  let periods = patterns.map(toPeriod(room)).filter((p) => minutesOf(p.starts) < minutesOf(p.ends));
  if (shortened && periods.length > 0) periods = shorten(periods);
  if (exception?.kind === 'hours' && exception.starts !== null && exception.ends !== null) {
    // The clinic's one-off hours bound everyone's (they open no one's day off).
    periods = clip(periods, minutesOf(exception.starts), minutesOf(exception.ends));
  }
  return openDay(periods, breaks);
}

const toPeriod =
  (room: (p: WorkPattern) => string | null) =>
  (p: WorkPattern): WorkingPeriod => ({
    starts: p.starts,
    ends: p.ends,
    roomId: room(p),
    serviceTypeIds: p.serviceTypeIds,
  });

/** A shortened day: the last period ends an hour earlier (gone if nothing is left of it). */
function shorten(periods: WorkingPeriod[]): WorkingPeriod[] {
  const last = periods[periods.length - 1];
  if (!last) return periods;
  const ends = minutesOf(last.ends) - shortenedByMinutes;
  const kept = periods.slice(0, -1);
  return ends > minutesOf(last.starts) ? [...kept, { ...last, ends: hhmmOf(ends) }] : kept;
}

function clip(periods: WorkingPeriod[], from: number, to: number): WorkingPeriod[] {
  return periods
    .map((p) => ({
      ...p,
      starts: hhmmOf(Math.max(from, minutesOf(p.starts))),
      ends: hhmmOf(Math.min(to, minutesOf(p.ends))),
    }))
    .filter((p) => minutesOf(p.starts) < minutesOf(p.ends));
}

/** The day as the desk's views show it (`appointments.range` days) and the slot engine reads it. */
export function workingDay(
  schedule: ScheduleSnapshot,
  calendar: BusinessCalendar,
  specialistId: string,
  date: string,
): WorkingDay {
  const { closedBy, ...day } = resolveDay(schedule, calendar, specialistId, date);
  void closedBy;
  return day;
}
