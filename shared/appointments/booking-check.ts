import { formatRussianDate } from '../domain/calendar-date';
import type { ErrorCode } from '../errors/catalog';
import { BusyIndex, instantMs, type Span } from './busy-index';
import { dayFrame, offers, searchDate, type SlotContext } from './free-slots';
import { localDate, localTime } from './local-time';
import { clinicTimeZone, maxFutureBookingsPerPatient, slotStepMinutes } from './schedule';

/**
 * Whether one booking may be made (E1, the "bad input"): the first rule it breaks, with
 * its own code, or null. Run by the desk before a request is queued and by the server before it
 * claims the slot (the server's word is final: its claim is also guarded by the database).
 */
export interface BookingRequest {
  appointmentId: string;
  patientId: string;
  specialistId: string;
  serviceTypeId: string;
  startsAt: string;
  endsAt: string;
  /** A move: the booking being replaced does not count against the patient or the slot. */
  replacesId: string | null;
}

export interface BookingProblem {
  code: ErrorCode;
  /** The request's field to blame. */
  field: 'startsAt' | 'endsAt' | 'specialistId' | 'serviceTypeId' | 'patientId';
  params: Record<string, string | number>;
}

export interface BookingCheckContext extends SlotContext {
  /** Now, as an instant. */
  now: string;
  /** The patient's bookings from now on that occupy a slot (any specialist), for the limit. */
  patientFuture: number;
}

const minuteMs = 60_000;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

const problem = (
  code: ErrorCode,
  field: BookingProblem['field'],
  params: BookingProblem['params'] = {},
): BookingProblem => ({ code, field, params });

function dateRange(from: string, to: string): string {
  return from === to ? formatRussianDate(from) : `${formatRussianDate(from)}–${formatRussianDate(to)}`;
}

/**
 * The rules in their agreed order (names-13: "checkBooking order & codes"). A move's old booking
 * (`replacesId`) and the request's own id, should the caller's busy list hold it already, never
 * count against it. A move adds no booking, so the patient's limit does not apply to it.
 */
export function checkBooking(context: BookingCheckContext, request: BookingRequest): BookingProblem | null {
  const { schedule } = context;
  const specialist = schedule.specialists.find((s) => s.id === request.specialistId && s.active);
  if (!specialist) return problem('appointments.specialist.unknown', 'specialistId');
  const service = schedule.serviceTypes.find((s) => s.id === request.serviceTypeId && s.active);
  if (!service) return problem('appointments.service.unknown', 'serviceTypeId');

  const slot: Span = { start: instantMs(request.startsAt), end: instantMs(request.endsAt) };
  if (!(slot.end - slot.start === service.durationMin * minuteMs)) {
    return problem('appointments.slot.duration', 'endsAt', { minutes: service.durationMin });
  }
  const date = localDate(request.startsAt, clinicTimeZone);
  if (slot.start < instantMs(context.now)) {
    const startsAt = `${formatRussianDate(date)} ${localTime(request.startsAt, clinicTimeZone)}`;
    return problem('appointments.slot.past', 'startsAt', { startsAt });
  }

  const frame = dayFrame(schedule, context.calendar, specialist.id, searchDate(context.calendar, date));
  const { day } = frame;
  if (day.closedBy === 'calendar' || day.closedBy === 'clinic') {
    return problem('appointments.slot.holiday', 'startsAt', { date: formatRussianDate(date) });
  }
  if (day.closedBy === 'specialist') {
    const away = schedule.exceptions.find(
      (e) => e.specialistId === specialist.id && e.kind === day.reason && e.fromDate <= date && date <= e.toDate,
    );
    return problem('appointments.slot.leave', 'startsAt', {
      reason: away ? dateRange(away.fromDate, away.toDate) : formatRussianDate(date),
    });
  }
  const period = frame.periods.find((p) => p.start <= slot.start && slot.end <= p.end);
  if (!period) {
    const hours = day.periods.map((p) => `${p.starts}–${p.ends}`).join(', ') || '—';
    return problem('appointments.slot.outside_hours', 'startsAt', { hours });
  }
  if ((slot.start - period.start) % (slotStepMinutes * minuteMs) !== 0) {
    return problem('appointments.slot.misaligned', 'startsAt', { step: slotStepMinutes });
  }
  const lunch = frame.breaks.find((b) => overlaps(b, slot));
  if (lunch) return problem('appointments.slot.break', 'startsAt', { starts: lunch.starts, ends: lunch.ends });
  if (!offers(period, service.id))
    return problem('appointments.slot.not_offered', 'serviceTypeId', { service: service.name });

  const ignored = new Set([request.appointmentId]);
  if (request.replacesId !== null) ignored.add(request.replacesId);
  const index = new BusyIndex(context.busy, ignored);
  if (
    service.dailyLimit !== null &&
    index.countStarting(specialist.id, service.id, frame.dayStart, frame.dayEnd) >= service.dailyLimit
  ) {
    return problem('appointments.slot.service_limit', 'startsAt', {
      service: service.name,
      date: formatRussianDate(date),
      limit: service.dailyLimit,
    });
  }
  const taken =
    index.overlapping('specialist', specialist.id, slot.start, slot.end).length > 0 ||
    (period.roomId !== null && index.overlapping('room', period.roomId, slot.start, slot.end).length > 0);
  if (taken) return problem('appointments.slot.taken', 'startsAt');
  const patientBusy = context.busy.some(
    (b) =>
      b.patientId === request.patientId &&
      !ignored.has(b.appointmentId) &&
      overlaps({ start: instantMs(b.startsAt), end: instantMs(b.endsAt) }, slot),
  );
  if (patientBusy) return problem('appointments.slot.patient_busy', 'patientId');
  if (request.replacesId === null && context.patientFuture >= maxFutureBookingsPerPatient) {
    return problem('appointments.slot.too_many', 'patientId', {
      count: context.patientFuture,
      limit: maxFutureBookingsPerPatient,
    });
  }
  return null;
}
