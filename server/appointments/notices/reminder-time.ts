import { addDays, localDate, localInstant, localTime } from '../../../shared/appointments/local-time';
import { clinicTimeZone } from '../../../shared/appointments/schedule';

/**
 * When the reminder the day before goes (E3: "at a sensible hour, not at night, in the patient's
 * time zone"): the day before the visit at 10:00 the patient's time. Booked after that moment
 * (the same evening, or for today): at once if it is between 08:00 and 21:00 for the patient,
 * else at 08:00 the next morning if that is still before the visit, else never.
 */
export const reminderTime = '10:00';
export const dayStarts = '08:00';
export const nightStarts = '21:00';

/** The patient's zone when it is a zone this runtime knows, else the clinic's. */
export function usableZone(zone: string | null | undefined): string {
  if (!zone) return clinicTimeZone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return clinicTimeZone;
  }
}

/** The reminder's due instant for a visit starting at `startsAt`, booked at `bookedAt`; null: none. */
export function reminderDueAt(startsAt: string, bookedAt: Date, patientZone: string | null | undefined): Date | null {
  const zone = usableZone(patientZone);
  const start = Date.parse(startsAt);
  const now = bookedAt.getTime();
  const planned = Date.parse(localInstant(addDays(localDate(startsAt, zone), -1), reminderTime, zone));
  if (planned > now) return new Date(planned);
  if (now >= start) return null;
  const nowIso = bookedAt.toISOString();
  const clock = localTime(nowIso, zone);
  if (clock >= dayStarts && clock < nightStarts) return bookedAt;
  const today = localDate(nowIso, zone);
  let morning = Date.parse(localInstant(today, dayStarts, zone));
  if (morning <= now) morning = Date.parse(localInstant(addDays(today, 1), dayStarts, zone));
  return morning < start ? new Date(morning) : null;
}
