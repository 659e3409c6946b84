import { businessCalendar, type CalendarYear } from '../../../shared/domain/business-days';
import { parseCalendarXml } from '../../../shared/domain/calendar-xml';
import { localInstant } from '../../../shared/appointments/local-time';
import {
  clinicTimeZone,
  type BusyInterval,
  type Room,
  type ScheduleException,
  type ScheduleSnapshot,
  type ServiceType,
  type Specialist,
  type WorkPattern,
} from '../../../shared/appointments/schedule';
import type { SlotContext } from '../../../shared/appointments/free-slots';
import { sharedCalendar } from '../domain/calendar-fixtures';

/** 2026 as the decree states it (the published file is read instead where ../shared/data exists). */
const decree2026: CalendarYear = {
  year: 2026,
  daysOff: [
    ...['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((d) => `2026-01-${d}`),
    '2026-02-23',
    '2026-03-08',
    '2026-03-09',
    '2026-05-01',
    '2026-05-09',
    '2026-05-11',
    '2026-06-12',
    '2026-11-04',
    '2026-12-31',
  ],
  shortenedDays: ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'],
  workingWeekendDays: [],
};

/**
 * 2027 has no published file yet: a fixture, not the decree. Saturday 2027-02-20 is a working day
 * (transferred from Monday 2027-02-22), Friday 2027-03-05 is shortened.
 */
export const fixture2027: CalendarYear = {
  year: 2027,
  daysOff: [
    ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => `2027-01-${d}`),
    '2027-02-22',
    '2027-02-23',
    '2027-03-08',
  ],
  shortenedDays: ['2027-03-05'],
  workingWeekendDays: ['2027-02-20'],
};

const file2026 = sharedCalendar(2026);
export const year2026: CalendarYear = file2026 ? parseCalendarXml(file2026) : decree2026;
export const calendar = businessCalendar([year2026, fixture2027]);

/** The clinic's wall clock → an instant. */
export const at = (date: string, hhmm: string): string => localInstant(date, hhmm, clinicTimeZone);

export function specialist(over: Partial<Specialist> = {}): Specialist {
  return {
    id: 'sp-1',
    staffId: null,
    displayName: 'Иванова А. А.',
    specialtyCode: '27',
    positionCode: '110',
    department: null,
    roomId: 'room-1',
    active: true,
    ...over,
  };
}

export function room(over: Partial<Room> = {}): Room {
  return { id: 'room-1', name: '101', active: true, ...over };
}

export function service(over: Partial<ServiceType> = {}): ServiceType {
  return {
    id: 'svc-1',
    serviceCode: 'B01.047.001',
    name: 'Приём терапевта',
    durationMin: 20,
    mode: 'in_person',
    dailyLimit: null,
    instructions: null,
    active: true,
    ...over,
  };
}

export function pattern(over: Partial<WorkPattern> = {}): WorkPattern {
  return {
    id: `wp-${over.specialistId ?? 'sp-1'}-${over.weekday ?? 1}-${over.starts ?? '09:00'}`,
    specialistId: 'sp-1',
    roomId: null,
    weekday: 1,
    starts: '09:00',
    ends: '18:00',
    breaks: [{ starts: '13:00', ends: '14:00' }],
    serviceTypeIds: null,
    validFrom: '2026-01-01',
    validTo: null,
    ...over,
  };
}

/** Monday to Friday, 09:00–18:00 with lunch 13:00–14:00. */
export function weekdays(over: Partial<WorkPattern> = {}): WorkPattern[] {
  return [1, 2, 3, 4, 5].map((weekday) => pattern({ ...over, weekday }));
}

export function exception(over: Partial<ScheduleException> = {}): ScheduleException {
  return {
    id: `ex-${over.kind ?? 'leave'}-${over.fromDate ?? '2026-12-14'}`,
    specialistId: 'sp-1',
    kind: 'leave',
    fromDate: '2026-12-14',
    toDate: '2026-12-14',
    starts: null,
    ends: null,
    note: null,
    ...over,
  };
}

let bookings = 0;
export function booking(date: string, starts: string, ends: string, over: Partial<BusyInterval> = {}): BusyInterval {
  bookings++;
  return {
    appointmentId: `ap-${bookings}`,
    specialistId: 'sp-1',
    roomId: 'room-1',
    patientId: `pt-${bookings}`,
    serviceTypeId: 'svc-1',
    startsAt: at(date, starts),
    endsAt: at(date, ends),
    ...over,
  };
}

export function snapshot(over: Partial<ScheduleSnapshot> = {}): ScheduleSnapshot {
  return {
    specialists: [specialist()],
    rooms: [room()],
    serviceTypes: [service()],
    patterns: weekdays(),
    exceptions: [],
    ...over,
  };
}

export function context(over: Partial<ScheduleSnapshot> = {}, busy: BusyInterval[] = []): SlotContext {
  return { schedule: snapshot(over), calendar, busy };
}
