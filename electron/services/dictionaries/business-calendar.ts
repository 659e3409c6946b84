import { businessCalendar, isWeekend, type BusinessCalendar } from '../../../shared/domain/business-days';
import type { ServiceContext } from '../../core/context';

/**
 * The production calendar from the active `calendar-ru/YEAR` dictionaries. A year not imported
 * stays unknown: arithmetic that reaches it fails with `calendar.year_missing`.
 */
export function loadBusinessCalendar(ctx: Pick<ServiceContext, 'store'>): BusinessCalendar {
  const rows = ctx.store.transaction((tx) =>
    tx.all<{ dictionary: string; code: string; kind: string }>(
      `SELECT e.dictionary, e.code, json_extract(e.data, '$.kind') AS kind
       FROM dictionaries d JOIN dictionary_entries e ON e.dictionary = d.name AND e.version = d.version
       WHERE d.active = 1 AND d.name LIKE 'calendar-ru/%'`,
    ),
  );
  const years = new Map<number, { daysOff: string[]; shortenedDays: string[]; workingWeekendDays: string[] }>();
  for (const name of new Set(rows.map((row) => row.dictionary)))
    years.set(Number(name.slice(-4)), { daysOff: [], shortenedDays: [], workingWeekendDays: [] });
  for (const row of rows) {
    const year = years.get(Number(row.dictionary.slice(-4)))!;
    if (row.kind === 'off') year.daysOff.push(row.code);
    if (row.kind === 'shortened') year.shortenedDays.push(row.code);
    if (row.kind !== 'off' && isWeekend(row.code)) year.workingWeekendDays.push(row.code);
  }
  return businessCalendar([...years].map(([year, days]) => ({ year, ...days })));
}
