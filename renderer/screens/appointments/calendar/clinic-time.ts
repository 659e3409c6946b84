import { clinicTimeZone } from '../../../../shared/appointments/schedule';

/**
 * The clinic's wall clock for the calendar: an instant as the clinic's date and minute of the day,
 * and back. Intl only (no date library); DST-safe because the offset is read for each instant.
 */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: clinicTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface LocalMoment {
  /** `YYYY-MM-DD` in the clinic's zone. */
  date: string;
  /** Minutes since the clinic's local midnight. */
  minute: number;
}

export function localMoment(instant: string | Date): LocalMoment {
  const all = parts.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => all.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    minute: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

function utcMinutes(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 60_000;
}

/** The UTC instant (ISO, `Z`) of the clinic's `date` at `minute` past local midnight. */
export function instantAt(date: string, minute: number): string {
  const wanted = utcMinutes(date) + minute;
  // Guess as if UTC, then correct by the zone's offset at the guess (twice: across a DST change).
  let guess = wanted;
  for (let round = 0; round < 2; round += 1) {
    const seen = localMoment(new Date(guess * 60_000));
    guess += wanted - (utcMinutes(seen.date) + seen.minute);
  }
  return new Date(guess * 60_000).toISOString();
}

/** `HH:MM` → minutes; `24:00` → 1440. */
export function minuteOf(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** Minutes → `HH:MM`. */
export function timeOf(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week `date` is in. */
export function weekStart(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** `07.12` — a day's short label. */
export function shortDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}`;
}

/** `07.12.2026`: the desk's one date format. */
export { formatRussianDate as russianDate } from '../../../../shared/domain/calendar-date';

/** Today in the clinic. */
export function clinicToday(now: Date = new Date()): string {
  return localMoment(now).date;
}
