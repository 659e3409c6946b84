import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A small xmlcalendar document written by the test, never a copy of a published file. */
export function calendarXml(year: number, days: string[], extra = ''): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<calendar year="${year}" lang="ru" date="${year - 1}.09.30" country="ru">`,
    '  <holidays>',
    '    <holiday id="1" title="Новогодние каникулы"/>',
    '  </holidays>',
    '  <days>',
    ...days.map((day) => `    ${day}`),
    '  </days>',
    `</calendar>${extra}`,
  ].join('\n');
}

/** The shared public copies (../shared/data), present on the project's build machines only. */
export const sharedData = resolve('../shared/data');
export const sharedCalendar = (year: number): string | null => {
  const path = resolve(sharedData, 'calendar-ru', `${year}.xml`);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
};
export const hasSharedData = existsSync(resolve(sharedData, 'calendar-ru'));
export const skipNote = hasSharedData ? '' : ' — SKIPPED: ../shared/data is absent on this machine';
