import type { BusinessCalendar } from '../../../shared/domain/business-days';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import { loadBusinessCalendar } from '../dictionaries/business-calendar';

/**
 * The production calendar the schedule follows (holidays, transfers, shortened days), from the
 * years this desk imported. A day of a year not imported cannot be judged: hours and free times
 * are refused with `appointments.calendar.missing` rather than guessed.
 */
export function scheduleCalendar(ctx: Pick<ServiceContext, 'store'>, dates: readonly string[]): BusinessCalendar {
  const calendar = loadBusinessCalendar(ctx);
  const years = [...new Set(dates.map((date) => Number(date.slice(0, 4))))].sort((a, b) => a - b);
  const missing = years.find((year) => !calendar.years.includes(year));
  if (missing !== undefined) throw new AppError('appointments.calendar.missing', { params: { year: missing } });
  return calendar;
}
