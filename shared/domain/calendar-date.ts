import type { ErrorCode } from '../errors/catalog';

/** Dates cross the API as ISO `YYYY-MM-DD`; the UI shows `ДД.ММ.ГГГГ`. */
export function isCalendarDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Not Date.UTC(year, …): it reads years 0–99 as 1900–1999, so 0099-01-01 would not be a date.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `25.11.2026` → `2026-11-25`, or null when it is not of that shape. */
export function parseRussianDate(text: string): string | null {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

export function formatRussianDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** Birth date rules (B1): a real date, not before 1900, not after today (in the desk's zone). */
export function validateBirthDate(iso: string, today: string): ErrorCode | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return 'patient.birth_date.format';
  if (!isCalendarDate(iso)) return 'patient.birth_date.invalid';
  if (iso < '1900-01-01') return 'patient.birth_date.too_old';
  if (iso > today) return 'patient.birth_date.future';
  return null;
}

/** Full years between an ISO birth date and an ISO day. */
export function ageOn(birthIso: string, dayIso: string): number {
  const years = Number(dayIso.slice(0, 4)) - Number(birthIso.slice(0, 4));
  return dayIso.slice(5) >= birthIso.slice(5) ? years : years - 1;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's ISO date in a time zone (Moscow by default, per UX.md). */
export function isoDay(instant: Date, timeZone = 'Europe/Moscow'): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // Building a formatter costs far more than using one.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}
