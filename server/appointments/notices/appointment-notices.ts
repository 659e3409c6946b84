import type { Knex } from 'knex';
import type { Appointment } from '../../../shared/appointments/schedule';
import { bookedVersion, cancelledVersion, movedVersion, type CalendarVersion } from './calendar-version';
import { queuePatientMessages } from './patient-messages';
import { dropReminder, planReminder } from './reminders';

export type AppointmentEvent = 'booked' | 'moved' | 'cancelled';

export interface AppointmentNotice {
  clinicId: string;
  /** The booking as it now is (for `moved`: the new one). */
  appointment: Appointment;
  event: AppointmentEvent;
  /** For `moved`: the booking it replaced. */
  previous?: Appointment | null;
}

/** When the event happened, by the booking's own stamps (the server's clock that wrote them). */
function eventTime(notice: AppointmentNotice): Date {
  const stamp = notice.event === 'cancelled' ? notice.appointment.cancelledAt : notice.appointment.bookedAt;
  return stamp ? new Date(stamp) : new Date();
}

/**
 * Queues the patient's confirmation, change or cancellation notice (E3) in the caller's
 * transaction, through the notification outbox: an e-mail with the `.ics` (REQUEST for a booking
 * or a move, CANCEL for a cancellation) and a short SMS, to the card's (else the cabinet
 * account's) addresses, the account's channel choices applying. A booking plans its reminder the
 * day before; a move drops the old one's and plans the new one's; a cancellation drops it
 * (reminders.ts sends them). Called by the booking code wherever a booking becomes booked, moved
 * or cancelled; called twice for one event, it queues nothing more.
 */
export async function queueAppointmentNotice(trx: Knex.Transaction, notice: AppointmentNotice): Promise<void> {
  const { clinicId, appointment, event } = notice;
  const at = eventTime(notice);
  let version: CalendarVersion;
  const extra: Record<string, string> = {};
  if (event === 'booked') {
    version = await bookedVersion(trx, clinicId, appointment.id);
    await planReminder(trx, clinicId, appointment, at);
  } else if (event === 'moved') {
    const previous = notice.previous ?? null;
    const previousId = previous?.id ?? appointment.replacesId;
    version = await movedVersion(trx, clinicId, appointment.id, previousId);
    if (previous) extra.previousStartsAt = previous.startsAt;
    if (previousId) await dropReminder(trx, previousId, at);
    await planReminder(trx, clinicId, appointment, at);
  } else {
    version = await cancelledVersion(trx, clinicId, appointment.id);
    await dropReminder(trx, appointment.id, at);
  }
  await queuePatientMessages(trx, {
    clinicId,
    appointment,
    template: `appointment_${event}`,
    extra: { ...extra, uid: version.uid, sequence: String(version.sequence) },
    dedupe: `appointment_${event}:${appointment.id}`,
    now: at,
  });
}
