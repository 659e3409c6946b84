import { describe, expect, it } from 'vitest';
import { businessCalendar, type CalendarYear } from '../../../shared/domain/business-days';
import { parseCalendarXml } from '../../../shared/domain/calendar-xml';
import { expectAppError } from '../errors/app-error-expect';
import { calendarXml, hasSharedData, sharedCalendar, skipNote } from './calendar-fixtures';
import { seeded } from './identifiers/reference-identifiers';

const range = (year: number, month: number, from: number, to: number) =>
  Array.from(
    { length: to - from + 1 },
    (_, i) => `${year}-${String(month).padStart(2, '0')}-${String(from + i).padStart(2, '0')}`,
  );

// The facts DOMAIN.md states, typed in by hand (not read from the published files).
const year2025: CalendarYear = {
  year: 2025,
  daysOff: [
    ...range(2025, 1, 1, 8),
    '2025-02-23',
    '2025-03-08',
    '2025-05-01',
    '2025-05-02',
    '2025-05-08',
    '2025-05-09',
    '2025-06-12',
    '2025-06-13',
    '2025-11-03',
    '2025-11-04',
    '2025-12-31',
  ],
  shortenedDays: ['2025-03-07', '2025-04-30', '2025-06-11', '2025-11-01'],
  workingWeekendDays: ['2025-11-01'],
};
const year2026: CalendarYear = {
  year: 2026,
  daysOff: [
    ...range(2026, 1, 1, 9),
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
// A made-up 2027 for the test: the New Year holidays to 8 January, as in recent years.
const year2027 = parseCalendarXml(
  calendarXml(
    2027,
    range(2027, 1, 1, 8).map((day) => `<day d="01.${day.slice(8)}" t="1" h="1"/>`),
  ),
);

describe('the production calendar (C2, B3 deadlines)', () => {
  it('2025 has 247 working days; a shortened working Saturday counts, a holiday Friday does not', () => {
    const calendar = businessCalendar([year2025]);
    expect(calendar.businessDaysIn(2025)).toBe(247);
    expect(calendar.isBusinessDay('2025-11-01')).toBe(true);
    expect(calendar.isShortenedDay('2025-11-01')).toBe(true);
    expect(calendar.isBusinessDay('2025-05-02')).toBe(false);
    expect(calendar.isBusinessDay('2025-03-07')).toBe(true);
    expect(calendar.isBusinessDay('2025-03-15')).toBe(false);
  });

  it('2026 has 247 working days', () => {
    expect(businessCalendar([year2026]).businessDaysIn(2026)).toBe(247);
  });

  it('a document changed on Friday 25.12.2026 must be updated by 12.01.2027, across the New Year holidays', () => {
    const calendar = businessCalendar([year2026, year2027]);
    expect(calendar.addBusinessDays('2026-12-25', 5)).toBe('2027-01-12');
    expect(calendar.businessDaysBetween('2026-12-25', '2027-01-12')).toBe(5);
    expect(calendar.businessDaysBetween('2026-12-25', '2027-01-11')).toBe(4);
  });

  it('refuses to guess a deadline in a year it does not know, and names the year', () => {
    const calendar = businessCalendar([year2026]);
    const text = expectAppError(() => calendar.addBusinessDays('2026-12-25', 5), 'calendar.year_missing', {
      year: 2027,
    });
    expect(text.ru).toContain('2027');
    expect(text.en).toContain('2027');
    // Three business days stay inside 2026 and need nothing more.
    expect(calendar.addBusinessDays('2026-12-25', 3)).toBe('2026-12-30');
    expectAppError(() => calendar.isBusinessDay('2025-06-02'), 'calendar.year_missing', { year: 2025 });
    expectAppError(() => calendar.businessDaysIn(2030), 'calendar.year_missing', { year: 2030 });
  });

  it('counts backwards, treats 0 as the day itself, and refuses what is not a date', () => {
    const calendar = businessCalendar([year2026]);
    expect(calendar.addBusinessDays('2026-01-13', -1)).toBe('2026-01-12');
    expectAppError(() => calendar.addBusinessDays('2026-01-12', -1), 'calendar.year_missing', { year: 2025 });
    expect(calendar.addBusinessDays('2026-05-12', -1)).toBe('2026-05-08');
    expect(calendar.addBusinessDays('2026-05-09', 0)).toBe('2026-05-09');
    expect(calendar.businessDaysBetween('2026-05-12', '2026-05-01')).toBe(-6);
    expectAppError(() => calendar.isBusinessDay('2026-02-30'), 'calendar.date.format');
    expectAppError(() => calendar.addBusinessDays('26.12.2026', 1), 'calendar.date.format');
  });

  it('adding n business days and counting them back agree, property-style', () => {
    const calendar = businessCalendar([year2025, year2026, year2027]);
    const random = seeded(51);
    for (let i = 0; i < 500; i++) {
      const start = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 600) * 86_400_000).toISOString().slice(0, 10);
      const n = 1 + Math.floor(random() * 40);
      const due = calendar.addBusinessDays(start, n);
      expect(calendar.isBusinessDay(due), `${start} + ${n}`).toBe(true);
      expect(calendar.businessDaysBetween(start, due)).toBe(n);
      expect(calendar.businessDaysBetween(due, start)).toBe(-n);
    }
  });
});

describe(`the published calendars in ../shared/data${skipNote}`, () => {
  it.skipIf(!hasSharedData)('2025 and 2026 as published agree with DOMAIN.md: 247 working days each', () => {
    const published = [2025, 2026].map((year) => parseCalendarXml(sharedCalendar(year) ?? '', year));
    const calendar = businessCalendar(published);
    expect(calendar.businessDaysIn(2025)).toBe(247);
    expect(calendar.businessDaysIn(2026)).toBe(247);
    expect(published[0]!.daysOff).toEqual(year2025.daysOff);
    expect(published[0]!.shortenedDays).toEqual(year2025.shortenedDays);
    expect(published[1]!.daysOff).toEqual(year2026.daysOff);
    expect(published[1]!.shortenedDays).toEqual(year2026.shortenedDays);
  });

  it.skipIf(!hasSharedData)('with the published 2026 only, the 25.12.2026 deadline says that 2027 is missing', () => {
    const calendar = businessCalendar([parseCalendarXml(sharedCalendar(2026) ?? '', 2026)]);
    expect(calendar.isBusinessDay('2026-12-31')).toBe(false);
    expectAppError(() => calendar.addBusinessDays('2026-12-25', 5), 'calendar.year_missing', { year: 2027 });
    const next = sharedCalendar(2027);
    if (next)
      expect(
        businessCalendar([
          parseCalendarXml(sharedCalendar(2026) ?? '', 2026),
          parseCalendarXml(next, 2027),
        ]).addBusinessDays('2026-12-25', 5) > '2027-01-01',
      ).toBe(true);
  });

  it.skipIf(!hasSharedData)('every published year 2013–2026 reads strictly', () => {
    for (let year = 2013; year <= 2026; year++) {
      const parsed = parseCalendarXml(sharedCalendar(year) ?? '', year);
      expect(parsed.daysOff.length, String(year)).toBeGreaterThan(10);
      // 2020 and 2021 carry the pandemic's paid non-working days (spring 2020, May and
      // 30.10–07.11 2021) as days off.
      const days = businessCalendar([parsed]).businessDaysIn(year);
      expect(days, String(year)).toBeGreaterThanOrEqual(year === 2020 || year === 2021 ? 200 : 244);
      expect(days, String(year)).toBeLessThanOrEqual(249);
    }
  });
});
