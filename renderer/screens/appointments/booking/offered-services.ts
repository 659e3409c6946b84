import type { ScheduleView } from '../../../../shared/api/appointments-calls';
import { isoWeekday } from '../../../../shared/appointments/local-time';

/**
 * The active services a specialist offers on `date` (ISO, the clinic's day): those their patterns
 * of that weekday, valid that day, name — every active one when a pattern names none. A day with no
 * pattern (one-off hours, say) offers every active service; the server's check has the last word.
 */
export function offeredServices(
  schedule: Pick<ScheduleView, 'serviceTypes' | 'patterns'>,
  specialistId: string,
  date: string,
): ScheduleView['serviceTypes'] {
  const active = schedule.serviceTypes.filter((service) => service.active);
  const weekday = isoWeekday(date);
  const patterns = schedule.patterns.filter(
    (pattern) =>
      pattern.specialistId === specialistId &&
      pattern.weekday === weekday &&
      pattern.validFrom <= date &&
      (pattern.validTo === null || date <= pattern.validTo),
  );
  if (patterns.length === 0 || patterns.some((pattern) => pattern.serviceTypeIds === null)) return active;
  const named = new Set(patterns.flatMap((pattern) => pattern.serviceTypeIds ?? []));
  return active.filter((service) => named.has(service.id));
}
