import { describe, expect, it } from 'vitest';
import type { CabinetSlot } from '../../../shared/cabinet/appointments-api';
import { formatLeft, holdDeadline, secondsLeft } from '../../../portal/screens/appointments/hold-clock';
import { defaultRange, rangeDays, searchRange } from '../../../portal/screens/appointments/search-range';
import { slotDays } from '../../../portal/screens/appointments/slot-days';
import {
  clinicDay,
  dayHeading,
  differsFromClinic,
  visitWhen,
  zoneTime,
} from '../../../portal/screens/appointments/visit-time';

function slot(startsAt: string, specialistName = 'Петрова М. И.', specialistId = 's-1'): CabinetSlot {
  const endsAt = new Date(Date.parse(startsAt) + 20 * 60_000).toISOString();
  return { specialistId, specialistName, serviceTypeId: 'first', startsAt, endsAt };
}

describe('the dates a free-time search covers (E1: up to 31 days; by default the next 14)', () => {
  it('covers the next two weeks by default, today included', () => {
    const range = defaultRange('2026-12-07');
    expect(range).toEqual({ from: '2026-12-07', to: '2026-12-20' });
    expect(rangeDays(range)).toBe(14);
  });

  it('accepts 31 days and refuses 32, an end before the start, a range wholly past, or a non-date', () => {
    const today = '2026-12-07';
    expect(searchRange({ from: '2026-12-07', to: '2027-01-06' }, today)).toEqual({
      from: '2026-12-07',
      to: '2027-01-06',
    });
    expect(searchRange({ from: '2026-12-07', to: '2027-01-07' }, today)).toBe('appointments.search.range');
    expect(searchRange({ from: '2026-12-10', to: '2026-12-09' }, today)).toBe('appointments.search.range');
    expect(searchRange({ from: '2026-11-01', to: '2026-11-05' }, today)).toBe('appointments.search.range');
    expect(searchRange({ from: '2026-02-30', to: '2026-12-09' }, today)).toBe('appointments.search.range');
  });

  it('starts a range that began in the past today (past days hold no free time)', () => {
    expect(searchRange({ from: '2026-12-01', to: '2026-12-10' }, '2026-12-07')).toEqual({
      from: '2026-12-07',
      to: '2026-12-10',
    });
  });
});

describe('free times as the patient reads them (the clinic’s day and clock, earliest first)', () => {
  it('groups times by the clinic’s day — a time after midnight in Moscow belongs to the next day', () => {
    const days = slotDays([
      slot('2026-12-08T06:20:00.000Z'),
      slot('2026-12-07T21:30:00.000Z'), // 08.12 00:30 in Moscow, 07.12 in UTC
      slot('2026-12-08T06:00:00.000Z', 'Абрамов О. П.', 's-2'),
      slot('2026-12-08T06:00:00.000Z'),
      slot('2026-12-09T05:00:00.000Z'),
    ]);
    expect(days.map((day) => day.day)).toEqual(['2026-12-08', '2026-12-09']);
    expect(days[0]!.slots.map((item) => `${zoneTime(item.startsAt)} ${item.specialistName}`)).toEqual([
      '00:30 Петрова М. И.',
      '09:00 Абрамов О. П.',
      '09:00 Петрова М. И.',
      '09:20 Петрова М. И.',
    ]);
  });

  it('writes a visit’s time in the clinic’s zone with its weekday, in either language', () => {
    expect(visitWhen('2026-12-08T06:00:00.000Z', '2026-12-08T06:20:00.000Z', 'ru')).toBe(
      'Вторник, 08.12.2026, 09:00–09:20',
    );
    expect(dayHeading('2026-12-13', 'en')).toBe('Sunday, 13/12/2026');
    expect(clinicDay('2026-12-07T21:30:00.000Z')).toBe('2026-12-08');
  });

  it('names the zone only for a browser whose clock reads the time differently', () => {
    const instant = '2026-12-08T06:00:00.000Z';
    expect(differsFromClinic(instant, 'Europe/Moscow')).toBe(false);
    expect(differsFromClinic(instant, 'Europe/Kirov')).toBe(false); // also UTC+3
    expect(differsFromClinic(instant, 'Asia/Yekaterinburg')).toBe(true);
    expect(differsFromClinic(instant, 'Europe/Kaliningrad')).toBe(true);
  });
});

describe('the hold’s countdown (a hold keeps its time for holdMinutes)', () => {
  const askedAt = Date.parse('2026-12-07T10:00:00.000Z');

  it('counts down to the server’s expiry when the browser’s clock agrees with it', () => {
    const deadline = holdDeadline('2026-12-07T10:10:00.400Z', askedAt + 300, 10);
    expect(formatLeft(secondsLeft(deadline, askedAt + 300))).toBe('10:00');
    expect(formatLeft(secondsLeft(deadline, askedAt + 5 * 60_000 + 55_000))).toBe('4:06');
    expect(secondsLeft(deadline, askedAt + 11 * 60_000)).toBe(0);
  });

  it('is neither stretched nor cut by a browser clock set an hour wrong', () => {
    const behind = holdDeadline('2026-12-07T11:10:00.000Z', askedAt, 10);
    const ahead = holdDeadline('2026-12-07T09:10:00.000Z', askedAt, 10);
    expect(secondsLeft(behind, askedAt)).toBe(600);
    expect(secondsLeft(ahead, askedAt)).toBe(600);
  });
});
