import { epochDay, fromEpochDay, weekday } from '../../../shared/domain/business-days';

/** The Monday of the ISO week holding `day` (an ISO day). */
export function weekStart(day: string): string {
  return fromEpochDay(epochDay(day) - ((weekday(day) + 6) % 7));
}

/**
 * The ISO 8601 week of a day, as `2026-W48`: weeks start on Monday, and week 1 is the one with
 * the year's first Thursday (so 2027-01-01, a Friday, is in 2026-W53).
 */
export function isoWeek(day: string): string {
  const thursday = epochDay(weekStart(day)) + 3;
  const year = fromEpochDay(thursday).slice(0, 4);
  const week = Math.floor((thursday - epochDay(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Mondays of every ISO week that `from`…`to` touches, oldest first. */
export function weeksOf(from: string, to: string): string[] {
  const mondays: string[] = [];
  for (let day = epochDay(weekStart(from)); day <= epochDay(to); day += 7) mondays.push(fromEpochDay(day));
  return mondays;
}
