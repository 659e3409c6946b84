import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs, isoOf } from '../../../shared/appointments/busy-index';
import {
  addDays,
  hhmmOf,
  isoWeekday,
  localDate,
  localInstant,
  localTime,
} from '../../../shared/appointments/local-time';

// Days of clock changes in 2026 (Berlin, New York, Sydney) are drawn often, not once in 1,000.
const changeDays = ['2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01', '2026-04-05', '2026-10-04'];
const dates = fc.oneof(
  fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2025-06-01', n)),
  fc.constantFrom(...changeDays),
);
const times = fc.integer({ min: 0, max: 24 * 60 - 1 }).map(hhmmOf);

describe('the clinic’s wall clock and instants', () => {
  it('reads Moscow hours as UTC+3 all year (Moscow keeps no summer time)', () => {
    expect(localInstant('2026-03-02', '09:00', 'Europe/Moscow')).toBe('2026-03-02T06:00:00.000Z');
    expect(localInstant('2026-07-15', '09:00', 'Europe/Moscow')).toBe('2026-07-15T06:00:00.000Z');
    expect(localInstant('2026-12-31', '24:00', 'Europe/Moscow')).toBe('2026-12-31T21:00:00.000Z');
    fc.assert(
      fc.property(dates, times, (date, time) => {
        const instant = localInstant(date, time, 'Europe/Moscow');
        expect(Date.parse(instant)).toBe(Date.parse(`${date}T${time}:00Z`) - 3 * 3_600_000);
        expect(localDate(instant, 'Europe/Moscow')).toBe(date);
        expect(localTime(instant, 'Europe/Moscow')).toBe(time);
      }),
    );
  });

  it('round-trips every time of every day in zones with summer time', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney']) {
      fc.assert(
        fc.property(dates, times, (date, time) => {
          const instant = localInstant(date, time, zone);
          expect(instant).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
          // A time the clock skips reads later by the jump (an hour); every other is itself.
          const shown = localTime(instant, zone);
          const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
          expect([0, 60]).toContain((minutes(shown) - minutes(time) + 1440) % 1440);
          if (shown === time) expect(localDate(instant, zone)).toBe(date);
        }),
      );
    }
  });

  it('takes a skipped time forward and a repeated one at its first occurrence (Berlin, 2026)', () => {
    // 29 March: 02:00 CET → 03:00 CEST. 25 October: 03:00 CEST → 02:00 CET.
    expect(localInstant('2026-03-29', '01:59', 'Europe/Berlin')).toBe('2026-03-29T00:59:00.000Z');
    expect(localInstant('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(localInstant('2026-03-29', '03:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
    expect(localInstant('2026-10-25', '02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(localInstant('2026-10-25', '03:00', 'Europe/Berlin')).toBe('2026-10-25T02:00:00.000Z');
    expect(localTime('2026-10-25T01:30:00.000Z', 'Europe/Berlin')).toBe('02:30');
    // A day with the change lasts 23 or 25 hours.
    const length = (date: string) =>
      Date.parse(localInstant(date, '24:00', 'Europe/Berlin')) -
      Date.parse(localInstant(date, '00:00', 'Europe/Berlin'));
    expect(length('2026-03-29')).toBe(23 * 3_600_000);
    expect(length('2026-10-25')).toBe(25 * 3_600_000);
    expect(length('2026-10-26')).toBe(24 * 3_600_000);
  });

  it('gives the zone’s date, not UTC’s, near midnight', () => {
    expect(localDate('2026-12-06T21:30:00.000Z', 'Europe/Moscow')).toBe('2026-12-07');
    expect(localDate('2026-12-06T21:30:00.000Z', 'Europe/Berlin')).toBe('2026-12-06');
  });

  it('counts days and ISO weekdays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-12')).toBe(6);
    expect(isoWeekday('2026-12-13')).toBe(7);
  });
});

describe('instants as the engine reads and writes them', () => {
  it('reads and writes the toISOString form exactly as Date does, anything else through Date.parse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (n) => {
        const whole = n - (n % 60_000);
        for (const ms of [n, whole]) {
          expect(isoOf(ms)).toBe(new Date(ms).toISOString());
          expect(instantMs(new Date(ms).toISOString())).toBe(ms);
        }
      }),
    );
    expect(instantMs('2026-12-08T09:00:00+03:00')).toBe(Date.parse('2026-12-08T06:00:00Z'));
    expect(instantMs('not a time')).toBeNaN();
  });
});
