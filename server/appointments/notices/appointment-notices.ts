import type { Knex } from 'knex';
import type { Appointment } from '../../../shared/appointments/schedule';

export type AppointmentEvent = 'booked' | 'moved' | 'cancelled';

export interface AppointmentNotice {
  clinicId: string;
  /** The booking as it now is (for `moved`: the new one). */
  appointment: Appointment;
  event: AppointmentEvent;
  /** For `moved`: the booking it replaced. */
  previous?: Appointment | null;
}

/**
 * Queues the patient's confirmation, change or cancellation notice (E3) in the caller's
 * transaction, through the notification outbox; the reminder the day before is the sweep's
 * (reminders.ts). Called by the booking code wherever a booking becomes booked, moved or cancelled.
 */
export async function queueAppointmentNotice(trx: Knex.Transaction, notice: AppointmentNotice): Promise<void> {
  // Issue 13 H3 fills this in; until then a booking is confirmed without a message.
  void trx;
  void notice;
}
