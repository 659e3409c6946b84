import { localDate, localTime } from '../../../shared/appointments/local-time';
import { clinicTimeZone } from '../../../shared/appointments/schedule';
import { formatRussianDate } from '../../../shared/domain/calendar-date';
import type { Language } from '../../i18n/language';

const weekdayFormats = new Map<Language, Intl.DateTimeFormat>();

/** `HH:MM` (24 h) of an instant in a time zone, the clinic's unless told. */
export function zoneTime(instant: string, timeZone = clinicTimeZone): string {
  return localTime(instant, timeZone);
}

/** The ISO day of an instant in the clinic's zone: a visit belongs to the clinic's day. */
export function clinicDay(instant: string): string {
  return localDate(instant, clinicTimeZone);
}

/** The browser's IANA zone (the patient's, for the reminder's hour); the clinic's when the browser says none. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || clinicTimeZone;
}

/** Whether a clock in `timeZone` reads this instant differently from the clinic's (then the zone is named). */
export function differsFromClinic(instant: string, timeZone: string): boolean {
  return zoneTime(instant, timeZone) !== zoneTime(instant) || localDate(instant, timeZone) !== clinicDay(instant);
}

/** A day as a heading: `Понедельник, 08.12.2026` (`Monday, 08/12/2026`). */
export function dayHeading(day: string, language: Language): string {
  let format = weekdayFormats.get(language);
  if (!format) {
    // Building a formatter costs far more than using one.
    format = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: 'UTC', weekday: 'long' });
    weekdayFormats.set(language, format);
  }
  const weekday = format.format(new Date(`${day}T12:00:00Z`));
  const date = language === 'ru' ? formatRussianDate(day) : formatRussianDate(day).replaceAll('.', '/');
  return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)}, ${date}`;
}

/** A visit's time as the clinic keeps it: `Понедельник, 08.12.2026, 09:00–09:20`. */
export function visitWhen(startsAt: string, endsAt: string, language: Language): string {
  return `${dayHeading(clinicDay(startsAt), language)}, ${zoneTime(startsAt)}–${zoneTime(endsAt)}`;
}
