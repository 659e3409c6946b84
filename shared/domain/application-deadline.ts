import { maxReviewWorkingDays, supplyWorkingDays, type DeadlineSettings } from './application';
import type { BusinessCalendar } from './business-days';
import { epochDay, fromEpochDay } from './business-days';

/**
 * An application's deadlines (C2, seed §3.3–§3.4), in Moscow time: the clinic works by it, and
 * Moscow has kept UTC+3 all year since 2014, so a fixed offset is exact.
 *
 * The review clock runs only on working days of the production calendar (a shortened day is a
 * working day: it shortens the staff's hours, not the patient's deadline): an application sent on
 * a Friday evening has Friday's remaining hours and then Monday's. Whatever the settings, a review
 * never ends later than the close of the fifth working day after the day it was submitted.
 */
const moscowOffsetMs = 3 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;

/** The Moscow day (ISO date) of an instant. */
export function moscowDay(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${String(instant)}`);
  return new Date(ms + moscowOffsetMs).toISOString().slice(0, 10);
}

/** The instant a Moscow day starts (00:00 +03:00), in ms. */
function moscowMidnight(day: string): number {
  return epochDay(day) * dayMs - moscowOffsetMs;
}

/** The end of a Moscow day: 23:59:59 +03:00, as an ISO instant. */
export function endOfMoscowDay(day: string): string {
  return new Date(moscowMidnight(day) + dayMs - 1000).toISOString();
}

/**
 * When the review of an application submitted at `submittedAt` (ISO instant) is due: `urgentHours`
 * or `ordinaryHours` of working-day time from the submission, but never past the end of the
 * `maxReviewWorkingDays`-th working day after the submission day.
 */
export function applicationDueAt(
  submittedAt: string,
  urgent: boolean,
  settings: DeadlineSettings,
  calendar: BusinessCalendar,
): string {
  const start = Date.parse(submittedAt);
  if (Number.isNaN(start)) throw new RangeError(`not an ISO instant: ${submittedAt}`);
  let leftMs = (urgent ? settings.urgentHours : settings.ordinaryHours) * hourMs;
  if (!(leftMs > 0)) throw new RangeError('deadline hours must be positive');
  const submittedDay = moscowDay(submittedAt);
  const cap = Date.parse(endOfMoscowDay(calendar.addBusinessDays(submittedDay, maxReviewWorkingDays)));
  let day = epochDay(submittedDay);
  let from = start;
  for (;;) {
    const dayEnd = (day + 1) * dayMs - moscowOffsetMs;
    if (calendar.isBusinessDay(fromEpochDay(day))) {
      const available = dayEnd - from;
      if (leftMs <= available) return new Date(Math.min(from + leftMs, cap)).toISOString();
      leftMs -= available;
    }
    if (dayEnd > cap) return new Date(cap).toISOString();
    day += 1;
    from = dayEnd;
  }
}

/** The last day (ISO date) a patient denied on `deniedAt` may supply what was missing. */
export function supplyDueDate(deniedAt: string, calendar: BusinessCalendar): string {
  return calendar.addBusinessDays(moscowDay(deniedAt), supplyWorkingDays);
}

/** Whether a supply made at `at` is in time for `supplyDue` (the whole of that Moscow day counts). */
export function suppliedInTime(supplyDue: string, at: Date): boolean {
  return moscowDay(at) <= supplyDue;
}
