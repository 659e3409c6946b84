import { epochDay, fromEpochDay, weekday } from '../domain/business-days';
import { isoDay } from '../domain/calendar-date';

/**
 * Wall-clock time in an IANA zone ↔ instants, through Intl only (no date library). A schedule
 * says "09:00 on 2026-03-02" in the clinic's zone; bookings are instants. Days with a DST change
 * are handled as Temporal's "compatible" rule does: a time the clock skips (02:30 when it jumps
 * 02:00 → 03:00) is read with the offset before the jump (so 03:30), and a time the clock shows
 * twice is the earlier of the two.
 */

const minuteMs = 60_000;
const dayMs = 86_400_000;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    // Building a formatter costs far more than using one.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** The zone's wall clock at `ms`, read as if it were UTC (the zone's offset is that minus `ms`). */
function wallClock(ms: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function offsetAt(ms: number, zone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClock(whole, zone) - whole;
}

/** The instant (ms) at which the zone's clock shows `wall` (wall-clock ms read as UTC). */
function instantOfWall(wall: number, zone: string): number {
  // The offsets a day either side: one of them is in force at `wall` unless two changes are
  // within a day of each other, which no zone does.
  const before = offsetAt(wall - dayMs, zone);
  const after = offsetAt(wall + dayMs, zone);
  const candidates = [wall - before, wall - after].filter((ms) => offsetAt(ms, zone) === wall - ms);
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap of a jump forward: the offset before the jump.
  return wall - before;
}

interface DayInfo {
  /** The offset in force all day, or null when it changes during the day (then every time is computed). */
  offset: number | null;
}

const dayInfos = new Map<string, DayInfo>();
const dayInfoLimit = 20_000;

function dayInfo(date: string, zone: string): DayInfo {
  const key = `${zone}|${date}`;
  let info = dayInfos.get(key);
  if (!info) {
    // No change of offset from a day before to two days after: every time of the day has it.
    const midnight = epochDay(date) * dayMs;
    const before = offsetAt(midnight - dayMs, zone);
    info = { offset: before === offsetAt(midnight + 2 * dayMs, zone) ? before : null };
    if (dayInfos.size >= dayInfoLimit) dayInfos.clear();
    dayInfos.set(key, info);
  }
  return info;
}

/** `HH:MM` (or `24:00`) → minutes from midnight. */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Minutes from midnight → `HH:MM`. */
export function hhmmOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant (ms since the epoch) when the zone's clock shows `minutes` past midnight of `date`. */
export function localInstantMs(date: string, minutes: number, zone: string): number {
  const wall = epochDay(date) * dayMs + minutes * minuteMs;
  const { offset } = dayInfo(date, zone);
  return offset === null ? instantOfWall(wall, zone) : wall - offset;
}

/** The day's wall clock → instants (ms), the zone's offset looked up once: for many times of one day. */
export function dayClock(date: string, zone: string): (minutes: number) => number {
  const midnight = epochDay(date) * dayMs;
  const { offset } = dayInfo(date, zone);
  if (offset === null) return (minutes) => instantOfWall(midnight + minutes * minuteMs, zone);
  return (minutes) => midnight + minutes * minuteMs - offset;
}

/** `2026-03-02`, `09:00`, `Europe/Moscow` → `2026-03-02T06:00:00.000Z`. `24:00` is the next midnight. */
export function localInstant(date: string, hhmm: string, zone: string): string {
  return new Date(localInstantMs(date, minutesOf(hhmm), zone)).toISOString();
}

/** The zone's calendar date at an instant. */
export function localDate(instant: string, zone: string): string {
  return isoDay(new Date(instant), zone);
}

/** The zone's wall-clock `HH:MM` at an instant (seconds dropped). */
export function localTime(instant: string, zone: string): string {
  const wall = wallClock(Math.floor(Date.parse(instant) / 1000) * 1000, zone);
  return hhmmOf(Math.floor((((wall % dayMs) + dayMs) % dayMs) / minuteMs));
}

export function addDays(date: string, n: number): string {
  return fromEpochDay(epochDay(date) + n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return weekday(date) || 7;
}
