import { describe, expect, it } from 'vitest';
import { checkBooking, type BookingRequest } from '../../../shared/appointments/booking-check';
import type { BusyInterval, ScheduleSnapshot } from '../../../shared/appointments/schedule';
import { localize } from '../../../shared/errors/catalog';
import { at, booking, calendar, exception, pattern, service, snapshot, specialist } from './schedule-fixtures';

const now = at('2026-12-07', '10:00');

function request(date: string, starts: string, ends: string, over: Partial<BookingRequest> = {}): BookingRequest {
  return {
    appointmentId: 'ap-new',
    patientId: 'pt-new',
    specialistId: 'sp-1',
    serviceTypeId: 'svc-1',
    startsAt: at(date, starts),
    endsAt: at(date, ends),
    replacesId: null,
    ...over,
  };
}

function check(
  req: BookingRequest,
  options: { schedule?: Partial<ScheduleSnapshot>; busy?: BusyInterval[]; patientFuture?: number } = {},
) {
  return checkBooking(
    {
      schedule: snapshot(options.schedule),
      calendar,
      busy: options.busy ?? [],
      now,
      patientFuture: options.patientFuture ?? 0,
    },
    req,
  );
}

describe('checkBooking: each broken rule its own code, in the agreed order', () => {
  it('accepts a free time in hours, on the grid, for an offered service', () => {
    expect(check(request('2026-12-08', '09:00', '09:20'))).toBeNull();
    // Any 5-minute start, not only the list's 09:00, 09:20, …
    expect(check(request('2026-12-08', '09:05', '09:25'))).toBeNull();
    expect(check(request('2026-12-08', '17:40', '18:00'))).toBeNull();
  });

  it('refuses an unknown or inactive specialist or service', () => {
    expect(check(request('2026-12-08', '09:00', '09:20', { specialistId: 'sp-x' }))).toMatchObject({
      code: 'appointments.specialist.unknown',
      field: 'specialistId',
    });
    expect(
      check(request('2026-12-08', '09:00', '09:20'), { schedule: { specialists: [specialist({ active: false })] } }),
    ).toMatchObject({ code: 'appointments.specialist.unknown' });
    expect(check(request('2026-12-08', '09:00', '09:20', { serviceTypeId: 'svc-x' }))).toMatchObject({
      code: 'appointments.service.unknown',
      field: 'serviceTypeId',
    });
    expect(
      check(request('2026-12-08', '09:00', '09:20'), { schedule: { serviceTypes: [service({ active: false })] } }),
    ).toMatchObject({ code: 'appointments.service.unknown' });
  });

  it('refuses a booking longer or shorter than the service', () => {
    const problem = check(request('2026-12-08', '09:00', '09:30'));
    expect(problem).toEqual({ code: 'appointments.slot.duration', field: 'endsAt', params: { minutes: 20 } });
    expect(localize(problem!.code, problem!.params).ru).toBe('Длительность записи должна быть 20 мин — как у услуги');
  });

  it('refuses a time already past', () => {
    expect(check(request('2026-12-07', '09:40', '10:00'))).toEqual({
      code: 'appointments.slot.past',
      field: 'startsAt',
      params: { startsAt: '07.12.2026 09:40' },
    });
    expect(check(request('2026-12-07', '10:00', '10:20'))).toBeNull();
  });

  it('refuses a holiday, a weekend and a clinic’s day off', () => {
    expect(check(request('2026-12-31', '09:00', '09:20'))).toEqual({
      code: 'appointments.slot.holiday',
      field: 'startsAt',
      params: { date: '31.12.2026' },
    });
    expect(check(request('2026-12-12', '09:00', '09:20'))).toMatchObject({ code: 'appointments.slot.holiday' });
    const clinic = exception({ specialistId: null, kind: 'closed', fromDate: '2026-12-08', toDate: '2026-12-08' });
    expect(check(request('2026-12-08', '09:00', '09:20'), { schedule: { exceptions: [clinic] } })).toMatchObject({
      code: 'appointments.slot.holiday',
    });
  });

  it('refuses a specialist on leave or sick, naming the dates', () => {
    const leave = exception({ kind: 'leave', fromDate: '2026-12-08', toDate: '2026-12-21' });
    expect(check(request('2026-12-08', '09:00', '09:20'), { schedule: { exceptions: [leave] } })).toEqual({
      code: 'appointments.slot.leave',
      field: 'startsAt',
      params: { reason: '08.12.2026–21.12.2026' },
    });
    const sick = exception({ kind: 'sickness', fromDate: '2026-12-08', toDate: '2026-12-08' });
    expect(check(request('2026-12-08', '09:00', '09:20'), { schedule: { exceptions: [sick] } })).toMatchObject({
      code: 'appointments.slot.leave',
      params: { reason: '08.12.2026' },
    });
  });

  it('refuses a time outside the day’s hours, or on a day with no hours', () => {
    expect(check(request('2026-12-08', '08:40', '09:00'))).toEqual({
      code: 'appointments.slot.outside_hours',
      field: 'startsAt',
      params: { hours: '09:00–18:00' },
    });
    expect(check(request('2026-12-08', '17:50', '18:10'))).toMatchObject({ code: 'appointments.slot.outside_hours' });
    expect(check(request('2026-12-08', '09:00', '09:20'), { schedule: { patterns: [] } })).toMatchObject({
      code: 'appointments.slot.outside_hours',
      params: { hours: '—' },
    });
    // Across two shifts of a day.
    const shifts = [
      pattern({ weekday: 2, ends: '12:10', breaks: [] }),
      pattern({ weekday: 2, starts: '12:10', breaks: [] }),
    ];
    expect(check(request('2026-12-08', '12:00', '12:20'), { schedule: { patterns: shifts } })).toMatchObject({
      code: 'appointments.slot.outside_hours',
      params: { hours: '09:00–12:10, 12:10–18:00' },
    });
  });

  it('refuses a start off the 5-minute grid of the period', () => {
    expect(check(request('2026-12-08', '09:03', '09:23'))).toEqual({
      code: 'appointments.slot.misaligned',
      field: 'startsAt',
      params: { step: 5 },
    });
    // The grid runs from the period's start: 08:03, 08:08, …
    const odd = [pattern({ weekday: 2, starts: '08:03', breaks: [] })];
    expect(check(request('2026-12-08', '09:03', '09:23'), { schedule: { patterns: odd } })).toBeNull();
    expect(check(request('2026-12-08', '09:05', '09:25'), { schedule: { patterns: odd } })).toMatchObject({
      code: 'appointments.slot.misaligned',
    });
  });

  it('refuses a time overlapping the break', () => {
    expect(check(request('2026-12-08', '12:50', '13:10'))).toEqual({
      code: 'appointments.slot.break',
      field: 'startsAt',
      params: { starts: '13:00', ends: '14:00' },
    });
    expect(check(request('2026-12-08', '12:40', '13:00'))).toBeNull();
    expect(check(request('2026-12-08', '14:00', '14:20'))).toBeNull();
  });

  it('refuses a service the hours do not offer', () => {
    const only = [pattern({ weekday: 2, serviceTypeIds: ['svc-2'] })];
    expect(check(request('2026-12-08', '09:00', '09:20'), { schedule: { patterns: only } })).toEqual({
      code: 'appointments.slot.not_offered',
      field: 'serviceTypeId',
      params: { service: 'Приём терапевта' },
    });
  });

  it('refuses once the service’s daily limit is reached that day', () => {
    const limited = { serviceTypes: [service({ dailyLimit: 2 })] };
    const two = [booking('2026-12-08', '09:00', '09:20'), booking('2026-12-08', '15:00', '15:20')];
    expect(check(request('2026-12-08', '11:00', '11:20'), { schedule: limited, busy: two })).toEqual({
      code: 'appointments.slot.service_limit',
      field: 'startsAt',
      params: { service: 'Приём терапевта', date: '08.12.2026', limit: 2 },
    });
    // Another day's, another service's and a moved booking's do not count.
    const other = [
      booking('2026-12-08', '09:00', '09:20'),
      booking('2026-12-09', '15:00', '15:20'),
      booking('2026-12-08', '15:00', '15:20', { serviceTypeId: 'svc-2' }),
    ];
    expect(check(request('2026-12-08', '11:00', '11:20'), { schedule: limited, busy: other })).toBeNull();
    expect(
      check(request('2026-12-08', '11:00', '11:20', { replacesId: two[0]!.appointmentId }), {
        schedule: limited,
        busy: two,
      }),
    ).toBeNull();
  });

  it('refuses a time the specialist or the room has taken', () => {
    const mine = booking('2026-12-08', '09:10', '09:30');
    expect(check(request('2026-12-08', '09:00', '09:20'), { busy: [mine] })).toEqual({
      code: 'appointments.slot.taken',
      field: 'startsAt',
      params: {},
    });
    const roomOnly = booking('2026-12-08', '09:10', '09:30', { specialistId: 'sp-2' });
    expect(check(request('2026-12-08', '09:00', '09:20'), { busy: [roomOnly] })).toMatchObject({
      code: 'appointments.slot.taken',
    });
    // Touching is not overlapping; another room is not this one.
    expect(check(request('2026-12-08', '09:30', '09:50'), { busy: [mine] })).toBeNull();
    const elsewhere = booking('2026-12-08', '09:10', '09:30', { specialistId: 'sp-2', roomId: 'room-2' });
    expect(check(request('2026-12-08', '09:00', '09:20'), { busy: [elsewhere] })).toBeNull();
  });

  it('lets a move take a time overlapping the booking it replaces', () => {
    const old = booking('2026-12-08', '09:00', '09:20', { patientId: 'pt-new' });
    expect(check(request('2026-12-08', '09:10', '09:30'), { busy: [old] })).toMatchObject({
      code: 'appointments.slot.taken',
    });
    expect(
      check(request('2026-12-08', '09:10', '09:30', { replacesId: old.appointmentId }), { busy: [old] }),
    ).toBeNull();
    // The request's own row in the busy list (the desk's pending request) is not a collision with itself.
    const own = { ...old, appointmentId: 'ap-new' };
    expect(check(request('2026-12-08', '09:00', '09:20'), { busy: [own] })).toBeNull();
  });

  it('refuses a patient already booked at that time with another specialist', () => {
    const elsewhere = booking('2026-12-08', '09:10', '09:40', {
      specialistId: 'sp-2',
      roomId: 'room-2',
      patientId: 'pt-new',
    });
    expect(check(request('2026-12-08', '09:00', '09:20'), { busy: [elsewhere] })).toEqual({
      code: 'appointments.slot.patient_busy',
      field: 'patientId',
      params: {},
    });
    expect(check(request('2026-12-08', '09:40', '10:00'), { busy: [elsewhere] })).toBeNull();
  });

  it('refuses a patient holding too many future bookings, but not a move', () => {
    expect(check(request('2026-12-08', '09:00', '09:20'), { patientFuture: 5 })).toEqual({
      code: 'appointments.slot.too_many',
      field: 'patientId',
      params: { count: 5, limit: 5 },
    });
    expect(check(request('2026-12-08', '09:00', '09:20'), { patientFuture: 4 })).toBeNull();
    expect(check(request('2026-12-08', '09:00', '09:20', { replacesId: 'ap-old' }), { patientFuture: 5 })).toBeNull();
  });

  it('reports the first rule broken when several are', () => {
    // Past and on a holiday and off the grid: past comes first.
    expect(check(request('2026-12-05', '09:03', '09:23'))).toMatchObject({ code: 'appointments.slot.past' });
    // A holiday while on leave: the holiday.
    const leave = exception({ kind: 'leave', fromDate: '2026-12-28', toDate: '2027-01-15' });
    expect(check(request('2026-12-31', '09:00', '09:20'), { schedule: { exceptions: [leave] } })).toMatchObject({
      code: 'appointments.slot.holiday',
    });
    // Taken and the patient busy and too many: taken.
    const both = booking('2026-12-08', '09:00', '09:20', { patientId: 'pt-new' });
    expect(check(request('2026-12-08', '09:00', '09:20'), { busy: [both], patientFuture: 9 })).toMatchObject({
      code: 'appointments.slot.taken',
    });
  });
});
