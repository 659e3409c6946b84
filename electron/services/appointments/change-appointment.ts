import type { AppointmentView } from '../../../shared/api/appointments-calls';
import type { ServiceContext } from '../../core/context';
import { AppError } from '../../../shared/errors/app-error';
import { updateRecord } from '../../store/record-door';
import { requireAppointmentRow } from './appointment-reads';
import { appointmentViews } from './appointment-views';
import { requireChangeable } from './request-booking';

type ChangeContext = Pick<ServiceContext, 'store' | 'clock' | 'actor'>;

/**
 * A cancellation (E1): only a booking that still holds its time (booked, or requested and not
 * refused); the server frees the slot when the change reaches it and tells the patient (E3).
 */
export function cancelAppointment(ctx: ChangeContext, appointmentId: string, reason: string): AppointmentView {
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const appointment = requireChangeable(tx, appointmentId);
    updateRecord(
      { tx, actor: ctx.actor, at },
      'appointments.write',
      'appointments',
      appointmentId,
      { status: 'cancelled', cancelled_at: at, cancelled_by: ctx.actor.staffId, cancel_reason: reason },
      { action: 'appointments.cancel', patientId: appointment.patientId, details: { appointment: appointmentId } },
    );
    return appointmentViews(tx, [requireAppointmentRow(tx, appointmentId)])[0]!;
  });
}

/**
 * The patient came (`arrived`), or did not (`no_show`: only once the visit's time has begun,
 * `appointments.mark.too_early` before). A mark is made once, on a booking still holding its time.
 */
export function markAppointment(
  ctx: ChangeContext,
  appointmentId: string,
  mark: 'arrived' | 'no_show',
): AppointmentView {
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const appointment = requireChangeable(tx, appointmentId);
    if (mark === 'no_show' && Date.parse(at) < Date.parse(appointment.startsAt))
      throw new AppError('appointments.mark.too_early', { field: 'mark' });
    updateRecord(
      { tx, actor: ctx.actor, at },
      'appointments.write',
      'appointments',
      appointmentId,
      mark === 'arrived' ? { status: 'arrived', arrived_at: at } : { status: 'no_show', no_show_at: at },
      {
        action: `appointments.mark.${mark}`,
        patientId: appointment.patientId,
        details: { appointment: appointmentId },
      },
    );
    return appointmentViews(tx, [requireAppointmentRow(tx, appointmentId)])[0]!;
  });
}
