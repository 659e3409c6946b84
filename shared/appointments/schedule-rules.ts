import { formatRussianDate } from '../domain/calendar-date';
import { AppError } from '../errors/app-error';
import type { ErrorCode } from '../errors/catalog';
import { minutesOf } from './local-time';
import type { ScheduleException, WorkPattern } from './schedule';

/**
 * Whether a working pattern or an exception, as an admin or a senior clerk drafted it, may be
 * saved (the `schedules.*` codes): the first thing wrong with it, or null. The shapes (HH:MM,
 * ISO dates, weekday 1–7) are the zod schemas' business; these are the rules between the fields
 * and against the specialist's other patterns. The НСИ codes are checked where the dictionaries are.
 */
export interface ScheduleProblem {
  code: ErrorCode;
  field: string;
  params: Record<string, string | number>;
}

/** Short Russian weekday names, 1 = Monday (the texts say «в {weekday}»). */
const weekdayNames = ['', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'] as const;

const timesOverlap = (a: { starts: string; ends: string }, b: { starts: string; ends: string }): boolean =>
  minutesOf(a.starts) < minutesOf(b.ends) && minutesOf(b.starts) < minutesOf(a.ends);

const datesOverlap = (a: WorkPattern, b: WorkPattern): boolean =>
  (b.validTo === null || a.validFrom <= b.validTo) && (a.validTo === null || b.validFrom <= a.validTo);

/**
 * A pattern against itself (hours, validity, breaks) and against `others` (the specialist's
 * other live patterns; the draft's own earlier version, same id, is skipped): two patterns of a
 * weekday whose dates and hours overlap would make a day's hours ambiguous.
 */
export function patternProblem(draft: WorkPattern, others: readonly WorkPattern[]): ScheduleProblem | null {
  if (minutesOf(draft.ends) <= minutesOf(draft.starts)) {
    return { code: 'schedules.pattern.hours', field: 'ends', params: { starts: draft.starts, ends: draft.ends } };
  }
  if (draft.validTo !== null && draft.validTo < draft.validFrom) {
    return {
      code: 'schedules.exception.range',
      field: 'validTo',
      params: { fromDate: formatRussianDate(draft.validFrom), toDate: formatRussianDate(draft.validTo) },
    };
  }
  for (const [i, item] of draft.breaks.entries()) {
    const inside =
      minutesOf(item.starts) < minutesOf(item.ends) &&
      minutesOf(draft.starts) <= minutesOf(item.starts) &&
      minutesOf(item.ends) <= minutesOf(draft.ends);
    const clash = draft.breaks.some((other, j) => j !== i && timesOverlap(item, other));
    if (!inside || clash) {
      return { code: 'schedules.pattern.break', field: 'breaks', params: { starts: item.starts, ends: item.ends } };
    }
  }
  const clash = others.find(
    (other) =>
      other.id !== draft.id &&
      other.specialistId === draft.specialistId &&
      other.weekday === draft.weekday &&
      datesOverlap(draft, other) &&
      timesOverlap(draft, other),
  );
  if (clash) {
    return {
      code: 'schedules.pattern.overlap',
      field: 'starts',
      params: { weekday: weekdayNames[draft.weekday] ?? String(draft.weekday), hours: `${clash.starts}–${clash.ends}` },
    };
  }
  return null;
}

/** An exception: its dates in order; one-off hours with both ends, the end after the start. */
export function exceptionProblem(draft: ScheduleException): ScheduleProblem | null {
  if (draft.toDate < draft.fromDate) {
    return {
      code: 'schedules.exception.range',
      field: 'toDate',
      params: { fromDate: formatRussianDate(draft.fromDate), toDate: formatRussianDate(draft.toDate) },
    };
  }
  if (draft.kind !== 'hours') return null;
  if (draft.starts === null || draft.ends === null) {
    return { code: 'schedules.exception.hours', field: draft.starts === null ? 'starts' : 'ends', params: {} };
  }
  if (minutesOf(draft.ends) <= minutesOf(draft.starts)) {
    return { code: 'schedules.pattern.hours', field: 'ends', params: { starts: draft.starts, ends: draft.ends } };
  }
  return null;
}

/** The problem as the error a service throws. */
export function scheduleError(problem: ScheduleProblem): AppError {
  return new AppError(problem.code, { field: problem.field, params: problem.params });
}
