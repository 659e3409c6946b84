import { formatRussianDate, isoDay } from '../../shared/domain/calendar-date';
import type { Language } from '../i18n/language';

const locales: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };

// Building a formatter costs far more than using one: one per language, made once.
const instantFormats: Record<Language, Intl.DateTimeFormat> = {
  ru: instantFormat('ru'),
  en: instantFormat('en'),
};

function instantFormat(language: Language): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** An instant as the patient reads it: `25.11.2026, 14:05`, Moscow time (UX.md). A bare date stays a date. */
export function formatInstant(value: string, language: Language): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value, language);
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return instantFormats[language].format(instant);
}

/** A calendar day (`YYYY-MM-DD`, or the day of an instant in Moscow) as `25.11.2026`. */
export function formatDay(value: string, language: Language): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : isoDay(new Date(value));
  return language === 'ru' ? formatRussianDate(day) : formatRussianDate(day).replaceAll('.', '/');
}
