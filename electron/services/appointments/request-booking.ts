import type { z } from 'zod';
import type { AppointmentView } from '../../../shared/api/appointments-calls';
import type { Contract } from '../../../shared/api/contract';
import { checkBooking, type BookingRequest } from '../../../shared/appointments/booking-check';
import { addDays, localDate, localInstant, localTime } from '../../../shared/appointments/local-time';
import { appointmentFromRow } from '../../../shared/appointments/rows';
import { clinicTimeZone, type Appointment } from '../../../shared/appointments/schedule';
import { workingDay } from '../../../shared/appointments/working-day';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import { newId } from '../../store/ids';
import type { Tx } from '../../store/open-store';
import { insertSyncedRow } from '../../store/record-door';
import { requireChartPatient } from '../chart/entry-context';
import { appointmentDoor, auditAppointmentAction } from './appointment-door';
import { requireAppointmentRow } from './appointment-reads';
import { appointmentViews } from './appointment-views';
import { patientFutureCount, readBusy, refusedRequestSql } from './busy-intervals';
import { scheduleCalendar } from './schedule-calendar';
import { readSchedule } from './schedule-rows';

type BookInput = z.output<Contract['appointments.book']['input']>;
type MoveInput = z.output<Contract['appointments.move']['input']>;
type BookingContext = Pick<ServiceContext, 'store' | 'clock' | 'actor'>;

const minuteMs = 60_000;

interface Wanted extends Omit<BookingRequest, 'appointmentId' | 'endsAt'> {
  note: string | null;
}

/**
 * A booking request at the desk (E1): checked here by the same rules the server applies
 * (shared/appointments/booking-check.ts, so a bad time is refused at once with its own code,
 * offline too), then written `requested` through the door. The server decides the slot when the
 * request reaches it: `booked`, or refused with its code (the view's `pending`).
 */
function requestBooking(ctx: BookingContext, tx: Tx, wanted: Wanted, action: string): AppointmentView {
  const at = ctx.clock.now().toISOString();
  const door = appointmentDoor(ctx, tx, at, 'appointments.write');
  requireChartPatient(tx, wanted.patientId);
  const schedule = readSchedule(tx);
  const service = schedule.serviceTypes.find((s) => s.id === wanted.serviceTypeId);
  const endsAt = new Date(Date.parse(wanted.startsAt) + (service?.durationMin ?? 0) * minuteMs).toISOString();
  const date = localDate(wanted.startsAt, clinicTimeZone);
  const calendar = scheduleCalendar(ctx, [date]);
  // The whole day: a service's daily limit counts the day's bookings, not only the overlapping ones.
  const busy = readBusy(
    tx,
    schedule.specialists.map((s) => s.id),
    localInstant(date, '00:00', clinicTimeZone),
    localInstant(addDays(date, 1), '00:00', clinicTimeZone),
  );
  const id = newId();
  const problem = checkBooking(
    {
      schedule,
      calendar,
      busy,
      now: at,
      patientFuture: patientFutureCount(tx, wanted.patientId, at, wanted.replacesId),
    },
    { ...wanted, appointmentId: id, endsAt },
  );
  if (problem) throw new AppError(problem.code, { field: problem.field, params: problem.params });
  const day = workingDay(schedule, calendar, wanted.specialistId, date);
  const time = localTime(wanted.startsAt, clinicTimeZone);
  const period = day.periods.find((p) => p.starts <= time && time < p.ends) ?? null;
  insertSyncedRow(
    door,
    'appointments',
    {
      patient_id: wanted.patientId,
      specialist_id: wanted.specialistId,
      room_id: period?.roomId ?? day.roomId,
      service_type_id: wanted.serviceTypeId,
      starts_at: wanted.startsAt,
      ends_at: endsAt,
      mode: service!.mode,
      status: 'requested',
      source: 'desk',
      replaces_id: wanted.replacesId,
      note: wanted.note,
      patient_time_zone: clinicTimeZone,
    },
    id,
  );
  auditAppointmentAction(door, action, wanted.patientId, {
    appointment: id,
    specialist: wanted.specialistId,
    startsAt: wanted.startsAt,
    ...(wanted.replacesId === null ? {} : { replaces: wanted.replacesId }),
  });
  return appointmentViews(tx, [requireAppointmentRow(tx, id)])[0]!;
}

export function bookAppointment(ctx: BookingContext, input: BookInput): AppointmentView {
  return ctx.store.transaction((tx) =>
    requestBooking(
      ctx,
      tx,
      { ...input, startsAt: canonicalInstant(input.startsAt), replacesId: null },
      'appointments.book',
    ),
  );
}

/**
 * A booking that may still change: booked or requested, not refused by the server and not
 * already being moved; else `appointments.not_active` with its status.
 */
export function requireChangeable(tx: Tx, id: string): Appointment {
  const appointment = appointmentFromRow(requireAppointmentRow(tx, id));
  const refused = tx.get(`SELECT 1 FROM appointments a WHERE a.id = ? AND ${refusedRequestSql}`, [id]) !== undefined;
  const moving =
    tx.get(
      `SELECT 1 FROM appointments a WHERE a.replaces_id = ? AND a.status IN ('requested', 'booked', 'arrived')
         AND NOT ${refusedRequestSql}`,
      [id],
    ) !== undefined;
  const status = refused ? 'refused' : moving ? 'moved' : appointment.status;
  if (status !== 'booked' && status !== 'requested')
    throw new AppError('appointments.not_active', { field: 'appointmentId', params: { status } });
  return appointment;
}

/**
 * A move (E1): a new booking that replaces this one, checked as a booking (the old one's time
 * does not count against the new), written `requested` with `replaces_id`. The old booking stays
 * as it is until the server, in one transaction, takes the new slot and only then frees the old
 * (status `moved`, pulled back); the view shows the new one in the old one's `replacedBy` meanwhile.
 */
export function moveAppointment(ctx: BookingContext, input: MoveInput): AppointmentView {
  return ctx.store.transaction((tx) => {
    const old = requireChangeable(tx, input.appointmentId);
    return requestBooking(
      ctx,
      tx,
      {
        patientId: old.patientId,
        specialistId: input.specialistId ?? old.specialistId,
        serviceTypeId: old.serviceTypeId,
        startsAt: canonicalInstant(input.startsAt),
        replacesId: old.id,
        note: old.note,
      },
      'appointments.move',
    );
  });
}

/** `…T09:00:00Z`, `…T12:00:00+03:00` → the one form rows keep (`toISOString`, UTC with milliseconds). */
function canonicalInstant(instant: string): string {
  return new Date(instant).toISOString();
}
