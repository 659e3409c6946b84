import { defaultReportWeeks, maxReportDays } from '../../../shared/api/report-calls';
import { epochDay, fromEpochDay } from '../../../shared/domain/business-days';
import { isoDay } from '../../../shared/domain/calendar-date';
import { AppError } from '../../../shared/errors/app-error';
import { weekStart } from './iso-week';

export interface ReportPeriod {
  /** ISO days of the desk's time zone, both included. */
  from: string;
  to: string;
}

/**
 * The period asked for, with what is left out filled in: `to` is today, `from` the Monday 11
 * weeks before `to`'s (12 ISO weeks). Refused when it runs backwards or is too long to read.
 */
export function resolvePeriod(asked: { from?: string; to?: string }, now: Date, timeZone: string): ReportPeriod {
  const to = asked.to ?? isoDay(now, timeZone);
  const from = asked.from ?? fromEpochDay(epochDay(weekStart(to)) - 7 * (defaultReportWeeks - 1));
  if (from > to) throw new AppError('report.period.order', { field: 'from' });
  if (epochDay(to) - epochDay(from) + 1 > maxReportDays)
    throw new AppError('report.period.too_long', { field: 'from', params: { max: maxReportDays } });
  return { from, to };
}
