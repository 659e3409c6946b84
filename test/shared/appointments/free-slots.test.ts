import { describe, expect, it } from 'vitest';
import { freeSlots, type Slot, type SlotQuery } from '../../../shared/appointments/free-slots';
import { localTime } from '../../../shared/appointments/local-time';
import { clinicTimeZone, type BusyInterval, type ScheduleSnapshot } from '../../../shared/appointments/schedule';
import { expectAppError } from '../errors/app-error-expect';
import { at, booking, context, exception, pattern, service, specialist, weekdays } from './schedule-fixtures';

const query = (over: Partial<SlotQuery> = {}): SlotQuery => ({
  specialistId: 'sp-1',
  serviceTypeId: 'svc-1',
  from: '2026-12-08',
  to: '2026-12-08',
  notBefore: at('2026-12-07', '10:00'),
  limit: 1000,
  ...over,
});
const times = (slots: Slot[]) => slots.map((s) => localTime(s.startsAt, clinicTimeZone));
const find = (schedule: Partial<ScheduleSnapshot>, q: Partial<SlotQuery> = {}, busy: BusyInterval[] = []) =>
  freeSlots(context(schedule, busy), query(q));

describe('free slots', () => {
  it('lists a day at start + k × duration, skipping the break, ending within hours', () => {
    const slots = find({});
    expect(times(slots).slice(0, 4)).toEqual(['09:00', '09:20', '09:40', '10:00']);
    expect(times(slots)).not.toContain('12:50');
    expect(times(slots)).toContain('12:40');
    expect(times(slots)).toContain('14:00');
    expect(times(slots).at(-1)).toBe('17:40');
    expect(slots).toHaveLength(12 + 12);
    expect(slots[0]).toEqual({
      specialistId: 'sp-1',
      roomId: 'room-1',
      serviceTypeId: 'svc-1',
      startsAt: '2026-12-08T06:00:00.000Z',
      endsAt: '2026-12-08T06:20:00.000Z',
    });
  });

  it('offers the time right after a booking, as well as the regular ones', () => {
    const slots = find({}, {}, [booking('2026-12-08', '09:05', '09:15')]);
    expect(times(slots).slice(0, 4)).toEqual(['09:15', '09:20', '09:40', '10:00']);
    // A booking ending off the grid (another specialist's in the same room): the next grid point.
    const room = find({}, {}, [booking('2026-12-08', '09:02', '09:13', { specialistId: 'sp-2' })]);
    expect(times(room).slice(0, 2)).toEqual(['09:15', '09:20']);
  });

  it('keeps a service whose length is off the grid on the grid', () => {
    const slots = find({ serviceTypes: [service({ durationMin: 7 })] });
    expect(times(slots).slice(0, 3)).toEqual(['09:00', '09:10', '09:20']);
  });

  it('offers nothing that is past, and the rest of today', () => {
    const slots = find({}, { from: '2026-12-07', to: '2026-12-07', notBefore: at('2026-12-07', '16:50') });
    expect(times(slots)).toEqual(['17:00', '17:20', '17:40']);
  });

  it('offers nothing on a holiday, a weekend, a leave or once the daily limit is reached', () => {
    expect(find({}, { from: '2026-12-31', to: '2026-12-31' })).toEqual([]);
    expect(find({}, { from: '2026-12-12', to: '2026-12-13' })).toEqual([]);
    expect(find({ exceptions: [exception({ fromDate: '2026-12-08', toDate: '2026-12-08' })] })).toEqual([]);
    const limited = { serviceTypes: [service({ dailyLimit: 1 })] };
    expect(find(limited, {}, [booking('2026-12-08', '17:00', '17:20')])).toEqual([]);
    expect(find(limited, {}, [booking('2026-12-09', '17:00', '17:20')])).not.toEqual([]);
  });

  it('ends a shortened day an hour early and opens a working Saturday', () => {
    expect(times(find({}, { from: '2027-03-05', to: '2027-03-05' })).at(-1)).toBe('16:40');
    expect(times(find({}, { from: '2027-02-20', to: '2027-02-20' }))[0]).toBe('09:00');
  });

  it('searches a specialty earliest first, ties by the specialist’s name', () => {
    const schedule = {
      specialists: [
        specialist({ id: 'sp-b', displayName: 'Борисов Б. Б.', roomId: 'room-b' }),
        specialist({ id: 'sp-a', displayName: 'Андреева А. А.', roomId: 'room-a' }),
        specialist({ id: 'sp-x', displayName: 'Хирург Х. Х.', specialtyCode: '99', roomId: 'room-x' }),
        specialist({ id: 'sp-c', displayName: 'Царёв Ц. Ц.', roomId: 'room-c', active: false }),
      ],
      patterns: [
        ...weekdays({ specialistId: 'sp-b' }),
        ...weekdays({ specialistId: 'sp-a', starts: '09:10' }),
        ...weekdays({ specialistId: 'sp-x' }),
        ...weekdays({ specialistId: 'sp-c' }),
      ],
    };
    const slots = find(schedule, { specialistId: undefined, specialtyCode: '27', limit: 4 });
    expect(slots.map((s) => [s.specialistId, localTime(s.startsAt, clinicTimeZone)])).toEqual([
      ['sp-b', '09:00'],
      ['sp-a', '09:10'],
      ['sp-b', '09:20'],
      ['sp-a', '09:30'],
    ]);
    const same = find(
      { ...schedule, patterns: [...weekdays({ specialistId: 'sp-b' }), ...weekdays({ specialistId: 'sp-a' })] },
      { specialistId: undefined, specialtyCode: '27', limit: 2 },
    );
    expect(same.map((s) => s.specialistId)).toEqual(['sp-a', 'sp-b']);
  });

  it('stops at the limit, across days', () => {
    const slots = find({}, { from: '2026-12-08', to: '2026-12-31', limit: 30 });
    expect(slots).toHaveLength(30);
    expect(slots.at(-1)!.startsAt.slice(0, 10)).toBe('2026-12-09');
    expect(find({}, { limit: 0 })).toEqual([]);
  });

  it('refuses a bad query with its own code', () => {
    expectAppError(() => find({}, { from: '2026-12-08', to: '2027-01-08' }), 'appointments.search.range', { max: 31 });
    expectAppError(() => find({}, { from: '2026-12-09', to: '2026-12-08' }), 'appointments.search.range');
    expectAppError(() => find({}, { from: '2026-02-30' }), 'appointments.search.range');
    expectAppError(() => find({}, { specialistId: undefined }), 'appointments.search.target');
    expectAppError(() => find({}, { serviceTypeId: 'svc-x' }), 'appointments.service.unknown');
    expectAppError(() => find({}, { specialistId: 'sp-x' }), 'appointments.specialist.unknown');
    expect(find({}, { from: '2026-12-01', to: '2026-12-31' })).not.toEqual([]);
  });

  it('lets a year missing from the calendar be known', () => {
    expectAppError(() => find({}, { from: '2028-01-10', to: '2028-01-11' }), 'calendar.year_missing', { year: 2028 });
  });

  it('keeps to a pattern’s room and services', () => {
    const patterns = [pattern({ weekday: 2, roomId: 'room-9', serviceTypeIds: ['svc-1'] })];
    expect(find({ patterns })[0]!.roomId).toBe('room-9');
    expect(find({ patterns: [pattern({ weekday: 2, serviceTypeIds: ['svc-2'] })] })).toEqual([]);
    expect(find({ specialists: [specialist({ roomId: null })] })[0]!.roomId).toBeNull();
  });
});
