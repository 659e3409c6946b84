import type { TFunction } from 'i18next';
import type { AppointmentView } from '../../../../shared/api/appointments-calls';
import { localMoment, russianDate, timeOf } from '../calendar/clinic-time';

/** `07.12.2026 09:00–09:20`, the clinic's time. */
export function appointmentWhen(appointment: Pick<AppointmentView, 'startsAt' | 'endsAt'>): string {
  const starts = localMoment(appointment.startsAt);
  const ends = localMoment(appointment.endsAt);
  return `${russianDate(starts.date)} ${timeOf(starts.minute)}–${timeOf(ends.minute)}`;
}

/** `08:00–08:20`: a day's list says the date once, above. */
export function appointmentTimes(appointment: Pick<AppointmentView, 'startsAt' | 'endsAt'>): string {
  return `${timeOf(localMoment(appointment.startsAt).minute)}–${timeOf(localMoment(appointment.endsAt).minute)}`;
}

/** The booking's state in words: a desk's request still on its way or refused says so first. */
export function statusText(t: TFunction, appointment: Pick<AppointmentView, 'status' | 'pending'>): string {
  if (appointment.pending) return t(`appointments.pending.${appointment.pending}`);
  return t(`appointments.status.${appointment.status}`);
}

export function statusColor(
  appointment: Pick<AppointmentView, 'status' | 'pending'>,
): 'default' | 'primary' | 'success' | 'error' | 'warning' {
  if (appointment.pending === 'refused' || appointment.status === 'refused') return 'error';
  if (appointment.pending === 'waiting' || appointment.status === 'requested') return 'warning';
  if (appointment.status === 'booked') return 'primary';
  if (appointment.status === 'arrived') return 'success';
  return 'default';
}
