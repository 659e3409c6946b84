import { describe, expect, it } from 'vitest';
import { workingDay } from '../../../shared/appointments/working-day';
import type { ScheduleSnapshot } from '../../../shared/appointments/schedule';
import { expectAppError } from '../errors/app-error-expect';
import { calendar, exception, pattern, snapshot, weekdays } from './schedule-fixtures';

const day = (schedule: ScheduleSnapshot, date: string) => workingDay(schedule, calendar, 'sp-1', date);
const hours = (schedule: ScheduleSnapshot, date: string) =>
  day(schedule, date).periods.map((p) => `${p.starts}–${p.ends}`);

describe('a specialist’s working day (the rules of the schedule)', () => {
  it('is the weekday’s pattern, in the specialist’s own room when the pattern names none', () => {
    expect(day(snapshot(), '2026-12-07')).toEqual({
      roomId: 'room-1',
      periods: [{ starts: '09:00', ends: '18:00', roomId: 'room-1', serviceTypeIds: null }],
      breaks: [{ starts: '13:00', ends: '14:00' }],
      reason: null,
      serviceTypeIds: null,
    });
  });

  it('keeps two shifts of a day apart, each with its own room and services', () => {
    const schedule = snapshot({
      patterns: [
        pattern({ starts: '08:00', ends: '12:00', breaks: [], roomId: 'room-2', serviceTypeIds: ['svc-2'] }),
        pattern({ starts: '15:00', ends: '19:00', breaks: [], serviceTypeIds: ['svc-1'] }),
      ],
    });
    const monday = day(schedule, '2026-12-07');
    expect(monday.periods).toEqual([
      { starts: '08:00', ends: '12:00', roomId: 'room-2', serviceTypeIds: ['svc-2'] },
      { starts: '15:00', ends: '19:00', roomId: 'room-1', serviceTypeIds: ['svc-1'] },
    ]);
    expect(monday.roomId).toBe('room-2');
    expect(monday.serviceTypeIds).toEqual(['svc-2', 'svc-1']);
  });

  it('uses only patterns valid on the day', () => {
    const schedule = snapshot({
      patterns: [
        pattern({ id: 'old', ends: '16:00', validTo: '2026-12-13' }),
        pattern({ id: 'new', starts: '10:00', validFrom: '2026-12-14' }),
      ],
    });
    expect(hours(schedule, '2026-12-07')).toEqual(['09:00–16:00']);
    expect(hours(schedule, '2026-12-14')).toEqual(['10:00–18:00']);
    expect(day(snapshot({ patterns: [] }), '2026-12-07').reason).toBe('no_pattern');
  });

  it('is closed on holidays of the production calendar and on weekends without a pattern', () => {
    const withSaturday = snapshot({ patterns: [...weekdays(), pattern({ weekday: 6, ends: '14:00' })] });
    // An ordinary Saturday follows the clinic's Saturday pattern; Sunday has none.
    expect(day(withSaturday, '2026-12-12')).toMatchObject({
      periods: [{ starts: '09:00', ends: '14:00' }],
      reason: null,
    });
    expect(day(snapshot(), '2026-12-12')).toMatchObject({ periods: [], reason: 'holiday' });
    expect(day(withSaturday, '2026-12-13').reason).toBe('holiday');
    expect(day(withSaturday, '2026-12-31').reason).toBe('holiday'); // Thursday, a day off by the decree
    expect(day(withSaturday, '2027-01-04').reason).toBe('holiday'); // Monday of the New Year holidays
  });

  it('opens a weekend the decree makes a working day: its own weekday’s pattern, else Monday’s', () => {
    expect(hours(snapshot(), '2027-02-20')).toEqual(['09:00–18:00']);
    const withSaturday = snapshot({
      patterns: [...weekdays(), pattern({ weekday: 6, starts: '10:00', ends: '14:00' })],
    });
    expect(hours(withSaturday, '2027-02-20')).toEqual(['10:00–14:00']);
    expect(day(snapshot(), '2027-02-22').reason).toBe('holiday'); // the Monday it was moved from
  });

  it('ends a shortened day an hour earlier', () => {
    expect(hours(snapshot(), '2027-03-05')).toEqual(['09:00–17:00']);
    const twoShifts = snapshot({
      patterns: [
        pattern({ weekday: 5, ends: '12:00', breaks: [] }),
        pattern({ weekday: 5, starts: '17:00', ends: '17:45' }),
      ],
    });
    expect(hours(twoShifts, '2027-03-05')).toEqual(['09:00–12:00']); // nothing is left of the second
  });

  it('closes the days of a leave, a sickness or a day off of the specialist or of the clinic', () => {
    const leave = exception({ kind: 'leave', fromDate: '2026-12-14', toDate: '2026-12-25' });
    expect(day(snapshot({ exceptions: [leave] }), '2026-12-18')).toMatchObject({ periods: [], reason: 'leave' });
    expect(day(snapshot({ exceptions: [leave] }), '2026-12-28').reason).toBeNull();
    expect(day(snapshot({ exceptions: [exception({ kind: 'sickness' })] }), '2026-12-14').reason).toBe('sickness');
    expect(day(snapshot({ exceptions: [exception({ kind: 'closed' })] }), '2026-12-14').reason).toBe('closed');
    const clinic = exception({ specialistId: null, kind: 'closed', fromDate: '2026-12-30', toDate: '2026-12-30' });
    expect(day(snapshot({ exceptions: [clinic] }), '2026-12-30').reason).toBe('closed');
    // Another specialist's leave is not this one's.
    expect(day(snapshot({ exceptions: [{ ...leave, specialistId: 'sp-2' }] }), '2026-12-18').reason).toBeNull();
  });

  it('lets one-off hours replace the day’s, even on a day off, the most specific exception winning', () => {
    const sunday = exception({
      kind: 'hours',
      fromDate: '2026-12-13',
      toDate: '2026-12-13',
      starts: '10:00',
      ends: '14:00',
    });
    expect(hours(snapshot({ exceptions: [sunday] }), '2026-12-13')).toEqual(['10:00–14:00']);
    const monday = exception({
      kind: 'hours',
      fromDate: '2026-12-14',
      toDate: '2026-12-14',
      starts: '12:00',
      ends: '20:00',
    });
    expect(day(snapshot({ exceptions: [monday] }), '2026-12-14')).toMatchObject({
      periods: [{ starts: '12:00', ends: '20:00', roomId: 'room-1' }],
      breaks: [{ starts: '13:00', ends: '14:00' }],
    });
    // One day of hours inside a fortnight's leave opens that day; a leave inside a month of hours closes its own.
    const leave = exception({ kind: 'leave', fromDate: '2026-12-07', toDate: '2026-12-20' });
    expect(hours(snapshot({ exceptions: [leave, monday] }), '2026-12-14')).toEqual(['12:00–20:00']);
    expect(day(snapshot({ exceptions: [leave, monday] }), '2026-12-15').reason).toBe('leave');
    const month = { ...monday, id: 'month', fromDate: '2026-12-01', toDate: '2026-12-31' };
    expect(day(snapshot({ exceptions: [month, leave] }), '2026-12-15').reason).toBe('leave');
    expect(hours(snapshot({ exceptions: [month, leave] }), '2026-12-22')).toEqual(['12:00–20:00']);
    // The specialist's own hours beat the clinic's day off.
    const clinic = exception({ specialistId: null, kind: 'closed', fromDate: '2026-12-14', toDate: '2026-12-14' });
    expect(hours(snapshot({ exceptions: [clinic, monday] }), '2026-12-14')).toEqual(['12:00–20:00']);
  });

  it('bounds everyone’s hours by the clinic’s one-off hours, opening no one’s day off', () => {
    const clinicHours = exception({
      specialistId: null,
      kind: 'hours',
      fromDate: '2026-12-12',
      toDate: '2026-12-14',
      starts: '10:00',
      ends: '15:00',
    });
    expect(hours(snapshot({ exceptions: [clinicHours] }), '2026-12-14')).toEqual(['10:00–15:00']);
    expect(day(snapshot({ exceptions: [clinicHours] }), '2026-12-13').reason).toBe('holiday');
  });

  it('refuses a year the production calendar lacks instead of guessing', () => {
    expectAppError(() => day(snapshot(), '2028-01-10'), 'calendar.year_missing', { year: 2028 });
  });
});
