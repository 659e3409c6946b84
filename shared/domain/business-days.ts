import { AppError } from '../errors/app-error';
import { isCalendarDate } from './calendar-date';

/**
 * One year of the Russian production calendar, as a decree states it. Weekends are days off
 * unless listed in `workingWeekendDays`; shortened days are working days (one hour shorter).
 * All dates are ISO `YYYY-MM-DD` inside `year`.
 */
export interface CalendarYear {
  year: number;
  daysOff: readonly string[];
  shortenedDays: readonly string[];
  workingWeekendDays: readonly string[];
}

/** Business-day arithmetic over the years it was built from; any other year is an error. */
export interface BusinessCalendar {
  readonly years: readonly number[];
  isBusinessDay(date: string): boolean;
  isShortenedDay(date: string): boolean;
  /**
   * The day `n` business days after `date` (before it when `n` is negative); `date` itself does
   * not count, so a document changed on a Friday and due "within 5 business days" is due on the
   * fifth business day after that Friday. `n = 0` returns `date`.
   */
  addBusinessDays(date: string, n: number): string;
  /** Business days `d` with `a < d ≤ b` (negative when `b` is before `a`): "days elapsed". */
  businessDaysBetween(a: string, b: string): number;
  /** Working days of a whole year (2025: 247). */
  businessDaysIn(year: number): number;
}

interface YearSets {
  off: Set<string>;
  short: Set<string>;
  working: Set<string>;
}

const dayMs = 86_400_000;

/** ISO date → days since 1970-01-01 (UTC, no time zone involved). */
export function epochDay(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / dayMs);
}

export function fromEpochDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(iso: string): number {
  return (((epochDay(iso) + 4) % 7) + 7) % 7;
}

export function isWeekend(iso: string): boolean {
  const day = weekday(iso);
  return day === 0 || day === 6;
}

function assertDate(date: string): void {
  if (!isCalendarDate(date) || date < '1000-01-01')
    throw new AppError('calendar.date.format', { params: { value: date.slice(0, 40) } });
}

export function businessCalendar(years: readonly CalendarYear[]): BusinessCalendar {
  const byYear = new Map<number, YearSets>();
  for (const year of years) {
    if (byYear.has(year.year)) throw new Error(`Calendar year ${year.year} given twice`);
    byYear.set(year.year, {
      off: new Set(year.daysOff),
      short: new Set(year.shortenedDays),
      working: new Set(year.workingWeekendDays),
    });
  }

  const setsFor = (date: string): YearSets => {
    const year = Number(date.slice(0, 4));
    const sets = byYear.get(year);
    if (!sets) throw new AppError('calendar.year_missing', { params: { year } });
    return sets;
  };
  const isBusiness = (date: string): boolean => {
    const sets = setsFor(date);
    if (sets.working.has(date)) return true;
    if (sets.off.has(date)) return false;
    return !isWeekend(date);
  };

  return {
    years: [...byYear.keys()].sort((a, b) => a - b),
    isBusinessDay(date) {
      assertDate(date);
      return isBusiness(date);
    },
    isShortenedDay(date) {
      assertDate(date);
      return setsFor(date).short.has(date);
    },
    addBusinessDays(date, n) {
      assertDate(date);
      if (!Number.isSafeInteger(n)) throw new RangeError(`addBusinessDays needs a whole number, got ${n}`);
      const step = n < 0 ? -1 : 1;
      let day = epochDay(date);
      // Every step either counts a business day or moves into a year the calendar may not know,
      // which throws: the loop cannot run past the known years.
      for (let left = Math.abs(n); left > 0;) {
        day += step;
        if (isBusiness(fromEpochDay(day))) left--;
      }
      return fromEpochDay(day);
    },
    businessDaysBetween(a, b) {
      assertDate(a);
      assertDate(b);
      const [from, to, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      let count = 0;
      for (let day = epochDay(from) + 1, end = epochDay(to); day <= end; day++)
        if (isBusiness(fromEpochDay(day))) count++;
      return sign * count;
    },
    businessDaysIn(year) {
      const first = `${String(year).padStart(4, '0')}-01-01`;
      setsFor(first);
      let count = 0;
      for (let day = epochDay(first), end = epochDay(`${first.slice(0, 4)}-12-31`); day <= end; day++) {
        if (isBusiness(fromEpochDay(day))) count++;
      }
      return count;
    },
  };
}
