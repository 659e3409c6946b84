import { describe, expect, it } from 'vitest';
import { reminderDueAt } from '../../../../server/appointments/notices/reminder-time';

const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('the reminder’s hour (E3: the day before, not at night, in the patient’s zone)', () => {
  it('goes the day before at 10:00 the patient’s time', () => {
    // A visit on 10 Dec at 14:30 Moscow (11:30 UTC), booked a week ahead: 9 Dec 10:00 MSK = 07:00 UTC.
    expect(iso(reminderDueAt('2026-12-10T11:30:00.000Z', new Date('2026-12-03T12:00:00Z'), 'Europe/Moscow'))).toBe(
      '2026-12-09T07:00:00.000Z',
    );
  });

  it('reads 10:00 in the patient’s own zone, with its offset (Asia/Vladivostok, UTC+10)', () => {
    // 10 Dec 11:30 UTC is 21:30 in Vladivostok, the same day there: 9 Dec 10:00 +10 = 9 Dec 00:00 UTC.
    expect(iso(reminderDueAt('2026-12-10T11:30:00.000Z', new Date('2026-12-01T00:00:00Z'), 'Asia/Vladivostok'))).toBe(
      '2026-12-09T00:00:00.000Z',
    );
    // A zone behind UTC, with summer time (America/New_York, UTC−4 in July): 10:00 EDT = 14:00 UTC.
    expect(iso(reminderDueAt('2026-07-15T15:00:00.000Z', new Date('2026-07-01T00:00:00Z'), 'America/New_York'))).toBe(
      '2026-07-14T14:00:00.000Z',
    );
  });

  it('booked at night after the day-before hour: at 08:00 the next morning', () => {
    // Booked 9 Dec 23:10 Moscow (20:10 UTC) for 10 Dec 14:30 Moscow: 10 Dec 08:00 MSK = 05:00 UTC.
    expect(iso(reminderDueAt('2026-12-10T11:30:00.000Z', new Date('2026-12-09T20:10:00Z'), 'Europe/Moscow'))).toBe(
      '2026-12-10T05:00:00.000Z',
    );
    // Booked at 01:30 Moscow on the visit's day: 08:00 that same morning.
    expect(iso(reminderDueAt('2026-12-10T11:30:00.000Z', new Date('2026-12-09T22:30:00Z'), 'Europe/Moscow'))).toBe(
      '2026-12-10T05:00:00.000Z',
    );
  });

  it('booked the same evening, before 21:00: at once', () => {
    const bookedAt = new Date('2026-12-09T16:45:00Z'); // 19:45 Moscow
    expect(iso(reminderDueAt('2026-12-10T11:30:00.000Z', bookedAt, 'Europe/Moscow'))).toBe(bookedAt.toISOString());
  });

  it('none when the next morning is not before the visit', () => {
    // Booked 23:30 Moscow for 07:30 the next morning.
    expect(reminderDueAt('2026-12-10T04:30:00.000Z', new Date('2026-12-09T20:30:00Z'), 'Europe/Moscow')).toBeNull();
  });

  it('uses the clinic’s zone when the patient’s is unknown or not a zone', () => {
    for (const zone of [null, '', 'Mars/Olympus']) {
      expect(iso(reminderDueAt('2026-12-10T11:30:00.000Z', new Date('2026-12-03T12:00:00Z'), zone))).toBe(
        '2026-12-09T07:00:00.000Z',
      );
    }
  });
});
