import { parseCalendarXml, type CalendarDay } from '../../../shared/domain/calendar-xml';
import type { ReadDictionary } from './dictionary-types';

const kindNames: Record<CalendarDay['kind'], string> = {
  off: 'выходной',
  shortened: 'сокращённый',
  working: 'рабочий',
};

/** The dictionary a year of the production calendar is kept as: one per year, versioned apart. */
export const calendarDictionaryName = (year: number): string => `calendar-ru/${year}`;

/**
 * One year of the production calendar (xmlcalendar XML). The reader is strict, so a file is
 * taken whole or refused whole; the version is the file's own date unless one is given.
 */
export function readCalendar(text: string, fileName: string): ReadDictionary {
  const yearInName = /(?:^|[^\d])(\d{4})\.xml$/i.exec(fileName)?.[1];
  const parsed = parseCalendarXml(text, yearInName === undefined ? undefined : Number(yearInName));
  return {
    name: calendarDictionaryName(parsed.year),
    version: parsed.issued,
    rows: parsed.days.map((day) => ({
      code: day.date,
      name: kindNames[day.kind],
      data: { kind: day.kind, holiday: day.holiday, movedFrom: day.movedFrom },
    })),
    refused: [],
  };
}
