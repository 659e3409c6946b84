import { describe, expect, it } from 'vitest';
import type { AppointmentView, ScheduleView } from '../../../shared/api/appointments-calls';
import {
  buildCalendar,
  chosenResources,
  initials,
  periodDates,
  type WorkingDayView,
} from '../../../renderer/screens/appointments/calendar/columns';
import { instantAt, localMoment } from '../../../renderer/screens/appointments/calendar/clinic-time';
import { paramsFromView, viewFromParams } from '../../../renderer/screens/appointments/schedule-params';

const specialist = (id: string, displayName: string, department: string | null) => ({
  id,
  staffId: null,
  displayName,
  specialtyCode: '27',
  positionCode: '109',
  department,
  roomId: null,
  active: true,
  specialtyName: 'Терапия',
  positionName: 'Врач-терапевт',
});

const options: ScheduleView = {
  specialists: [
    specialist('s1', 'Смирнова Ольга Ивановна', 'Поликлиника'),
    specialist('s2', 'Кузнецов Андрей Петрович', 'Хирургия'),
  ],
  rooms: [{ id: 'r1', name: 'Кабинет 101', active: true }],
  serviceTypes: [],
  patterns: [],
  exceptions: [],
};

function booking(id: string, specialistId: string, date: string, starts: string, minutes: number): AppointmentView {
  const [hours, mins] = starts.split(':').map(Number) as [number, number];
  const startsAt = instantAt(date, hours * 60 + mins);
  return {
    id,
    patientId: 'p1',
    specialistId,
    roomId: 'r1',
    serviceTypeId: 't1',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
    mode: 'in_person',
    status: 'booked',
    source: 'desk',
    replacesId: null,
    replacedBy: null,
    refusedCode: null,
    note: null,
    patientTimeZone: 'Europe/Moscow',
    bookedAt: null,
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: null,
    arrivedAt: null,
    noShowAt: null,
    patientName: 'Иванов Иван Иванович',
    patientBirthDate: null,
    specialistName: 'Смирнова Ольга Ивановна',
    serviceName: 'Приём терапевта',
    roomName: 'Кабинет 101',
    attachmentCount: 0,
    pending: null,
  };
}

describe('the calendar’s columns and bookings', () => {
  it('shows a week from its Monday, and one day alone', () => {
    expect(periodDates('week', '2026-12-17')).toEqual([
      '2026-12-14',
      '2026-12-15',
      '2026-12-16',
      '2026-12-17',
      '2026-12-18',
      '2026-12-19',
      '2026-12-20',
    ]);
    expect(periodDates('day', '2026-12-17')).toEqual(['2026-12-17']);
  });

  it('picks everyone, a department or one specialist, or the rooms', () => {
    expect(chosenResources(options, 'specialist', 'all').map((item) => item.id)).toEqual(['s1', 's2']);
    expect(chosenResources(options, 'specialist', 'dept:Хирургия').map((item) => item.id)).toEqual(['s2']);
    expect(chosenResources(options, 'specialist', 's1').map((item) => item.id)).toEqual(['s1']);
    expect(chosenResources(options, 'room', 'all').map((item) => item.name)).toEqual(['Кабинет 101']);
  });

  it('puts each booking in its specialist’s column on its Moscow day, leaving out cancelled and moved ones', () => {
    const days: WorkingDayView[] = [
      {
        specialistId: 's1',
        date: '2026-12-14',
        roomId: null,
        periods: [{ starts: '09:00', ends: '15:00' }],
        breaks: [{ starts: '12:00', ends: '12:30' }],
        reason: null,
      },
      { specialistId: 's2', date: '2026-12-14', roomId: null, periods: [], breaks: [], reason: 'leave' },
    ];
    const cancelled = { ...booking('c', 's1', '2026-12-14', '10:00', 20), status: 'cancelled' as const };
    const calendar = buildCalendar(
      ['2026-12-14'],
      'specialist',
      chosenResources(options, 'specialist', 'all'),
      days,
      [booking('late', 's1', '2026-12-14', '14:40', 20), booking('early', 's1', '2026-12-14', '09:00', 20), cancelled],
      () => 'пн',
    );
    expect(calendar.columns.map((column) => [column.title, column.reason])).toEqual([
      ['Смирнова Ольга Ивановна', null],
      ['Кузнецов Андрей Петрович', 'leave'],
    ]);
    expect(calendar.columns[0]!.breaks).toEqual([{ starts: 720, ends: 750 }]);
    expect(calendar.items[0]!.map((item) => [item.id, item.start, item.end])).toEqual([
      ['early', 540, 560],
      ['late', 880, 900],
    ]);
    expect(calendar.items[1]).toEqual([]);
    expect(calendar.range).toEqual({ starts: 540, ends: 900 });
  });

  it('a booking just after midnight UTC is on the Moscow day it happens', () => {
    const moment = localMoment('2026-12-14T21:30:00.000Z');
    expect(moment).toEqual({ date: '2026-12-15', minute: 30 });
    expect(instantAt('2026-12-15', 30)).toBe('2026-12-14T21:30:00.000Z');
  });

  it('shortens names to initials over many columns', () => {
    expect(initials('Алексеева Наталья Павловна')).toBe('Алексеева Н. П.');
    expect(initials('Кабинет')).toBe('Кабинет');
  });
});

describe('the schedule’s view in the address', () => {
  it('round-trips, and falls back to today’s day view of everyone on anything malformed', () => {
    const view = { period: 'week' as const, by: 'room' as const, choice: 'r1', date: '2026-12-14' };
    expect(viewFromParams(paramsFromView(view))).toEqual(view);
    const fallback = viewFromParams(new URLSearchParams('period=year&by=x&date=2026-02-30&show='));
    expect(fallback.period).toBe('day');
    expect(fallback.by).toBe('specialist');
    expect(fallback.choice).toBe('all');
    expect(fallback.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(fallback.date).not.toBe('2026-02-30');
  });
});
