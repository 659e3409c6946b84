import { describe, expect, it } from 'vitest';
import { defaultDeadlineSettings } from '../../shared/domain/application';
import { applicationDueAt, supplyDueDate } from '../../shared/domain/application-deadline';
import { businessCalendar } from '../../shared/domain/business-days';
import { parseCalendarXml } from '../../shared/domain/calendar-xml';
import { hasSharedData, sharedCalendar, skipNote } from './domain/calendar-fixtures';

// The real published production calendars (../shared/data/calendar-ru), 2025 and 2026.
const calendar = () => businessCalendar([2025, 2026].map((year) => parseCalendarXml(sharedCalendar(year) ?? '', year)));
const ordinary = (at: string) => applicationDueAt(at, false, defaultDeadlineSettings, calendar());
const urgent = (at: string) => applicationDueAt(at, true, defaultDeadlineSettings, calendar());

describe.skipIf(!hasSharedData)(`application deadlines on the production calendar (C2)${skipNote}`, () => {
  it('a Friday evening application is due on Monday evening: the weekend does not count', () => {
    // Friday 4 December 2026, 18:00 Moscow: 6 hours left on Friday, 18 on Monday.
    expect(ordinary('2026-12-04T15:00:00.000Z')).toBe('2026-12-07T15:00:00.000Z');
    // Urgent (4 hours) still fits into Friday.
    expect(urgent('2026-12-04T15:00:00.000Z')).toBe('2026-12-04T19:00:00.000Z');
    // Urgent at 22:30 Moscow: an hour and a half on Friday, the rest early on Monday.
    expect(urgent('2026-12-04T19:30:00.000Z')).toBe('2026-12-06T23:30:00.000Z');
  });

  it('an application sent on a Saturday waits for Monday: due at the end of Monday', () => {
    expect(ordinary('2026-12-05T09:00:00.000Z')).toBe('2026-12-07T21:00:00.000Z');
  });

  it('the New Year holidays stop the clock from 31 December 2025 to 11 January 2026', () => {
    // Tuesday 30 December 2025, 15:00 Moscow: 9 hours that day, 15 on Monday 12 January.
    expect(ordinary('2025-12-30T12:00:00.000Z')).toBe('2026-01-12T12:00:00.000Z');
  });

  it('a shortened pre-holiday day is a working day; the moved day off after Victory Day is not', () => {
    // Friday 8 May 2026 (shortened), 10:00 Moscow: 14 hours, then 9–11 May off, 10 hours on 12 May.
    expect(ordinary('2026-05-08T07:00:00.000Z')).toBe('2026-05-12T07:00:00.000Z');
  });

  it('never past the end of the 5th working day after the submission day, whatever the settings', () => {
    const long = { ordinaryHours: 240, urgentHours: 4 };
    // Friday 4 December 2026: the 5th working day after it is Friday 11 December, 23:59:59 Moscow.
    expect(applicationDueAt('2026-12-04T15:00:00.000Z', false, long, calendar())).toBe('2026-12-11T20:59:59.000Z');
    // Over the New Year: 12–16 January 2026 are the five.
    expect(applicationDueAt('2025-12-30T12:00:00.000Z', false, long, calendar())).toBe('2026-01-16T20:59:59.000Z');
  });

  it('supply is due on the 5th working day after the denial, counted from the Moscow day', () => {
    expect(supplyDueDate('2025-12-30T12:00:00.000Z', calendar())).toBe('2026-01-16');
    // 22:00 UTC on Friday is already Saturday in Moscow: the five are 7–11 December.
    expect(supplyDueDate('2026-12-04T22:00:00.000Z', calendar())).toBe('2026-12-11');
    expect(supplyDueDate('2026-12-04T12:00:00.000Z', calendar())).toBe('2026-12-11');
  });
});
