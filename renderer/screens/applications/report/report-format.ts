import type { TFunction } from 'i18next';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';

/** Hours as the reader's language writes them (`3,5 ч`); a dash where there is nothing to measure. */
export function hoursLabel(t: TFunction, language: string, hours: number | null): string {
  if (hours === null) return t('reports.noValue');
  return t('reports.hours', { value: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(hours) });
}

/** A week as the clerk reads it: `W48 (23.11)`. */
export function weekLabel(week: { week: string; start: string }): string {
  return `${week.week.slice(5)} (${formatRussianDate(week.start).slice(0, 5)})`;
}
