import { addDays } from '../../../shared/appointments/local-time';
import { maxSearchDays } from '../../../shared/appointments/schedule';
import { isCalendarDate } from '../../../shared/domain/calendar-date';

/** The free-time search's days by default: the next two weeks (from today). */
export const defaultSearchDays = 14;

export interface SearchRange {
  from: string;
  to: string;
}

const dayMs = 24 * 60 * 60 * 1000;

/** How many days a range covers, both ends included. */
export function rangeDays(range: SearchRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / dayMs) + 1;
}

export function defaultRange(today: string): SearchRange {
  return { from: today, to: addDays(today, defaultSearchDays - 1) };
}

/**
 * The range to ask for, or why not (`appointments.search.range`: real dates, the start not after
 * the end, at most `maxSearchDays`). Days before today hold no free time: the search starts today.
 */
export function searchRange(range: SearchRange, today: string): SearchRange | 'appointments.search.range' {
  if (!isCalendarDate(range.from) || !isCalendarDate(range.to)) return 'appointments.search.range';
  if (range.to < range.from || rangeDays(range) > maxSearchDays) return 'appointments.search.range';
  if (range.to < today) return 'appointments.search.range';
  return { from: range.from < today ? today : range.from, to: range.to };
}
