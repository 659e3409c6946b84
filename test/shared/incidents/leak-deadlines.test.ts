import { describe, expect, it } from 'vitest';
import { incidentNumber, incidentNumberPattern } from '../../../shared/incidents/incident-number';
import { canMove } from '../../../shared/incidents/incident-words';
import { deadlineState, hoursMinutes, leakClocks, leakDeadlines } from '../../../shared/incidents/leak-deadlines';

describe('152-ФЗ leak deadlines: 24 h to notify, 72 h for the results', () => {
  it.each([
    ['2026-11-25T09:00:00.000Z', '2026-11-26T09:00:00.000Z', '2026-11-28T09:00:00.000Z'],
    // Across the end of a year and a leap day: plain UTC hours.
    ['2026-12-31T22:30:00.000Z', '2027-01-01T22:30:00.000Z', '2027-01-03T22:30:00.000Z'],
    ['2028-02-28T12:00:00.000Z', '2028-02-29T12:00:00.000Z', '2028-03-02T12:00:00.000Z'],
    // The night Europe's clocks go back (27.10.2024): still 24 and 72 hours, not a calendar day.
    ['2024-10-26T23:15:00.000Z', '2024-10-27T23:15:00.000Z', '2024-10-29T23:15:00.000Z'],
    // A detection written with an offset counts from the same instant.
    ['2026-11-25T12:00:00+03:00', '2026-11-26T09:00:00.000Z', '2026-11-28T09:00:00.000Z'],
  ])('detected %s → notify by %s, results by %s', (detected, notifyBy, resultsBy) => {
    expect(leakDeadlines(detected)).toEqual({ notifyBy, resultsBy });
  });

  const due = '2026-11-26T09:00:00.000Z';
  it.each([
    ['a day ahead', '2026-11-25T09:00:00.000Z', { state: 'remaining', minutes: 1440, warn: false }],
    ['6 hours left is not yet amber', '2026-11-26T03:00:00.000Z', { state: 'remaining', minutes: 360, warn: false }],
    ['just under 6 hours is amber', '2026-11-26T03:00:01.000Z', { state: 'remaining', minutes: 360, warn: true }],
    [
      '59 seconds left still shows a minute',
      '2026-11-26T08:59:01.000Z',
      { state: 'remaining', minutes: 1, warn: true },
    ],
    ['due this instant is overdue', due, { state: 'overdue', minutes: 1 }],
    ['overdue by 2 h 30 min', '2026-11-26T11:30:00.000Z', { state: 'overdue', minutes: 150 }],
  ])('%s', (_name, now, expected) => {
    expect(deadlineState(due, null, now)).toEqual(expected);
  });

  it('a recorded notice is done, in time or late, whatever the time now', () => {
    expect(deadlineState(due, '2026-11-26T08:00:00.000Z', '2026-12-10T00:00:00.000Z')).toEqual({
      state: 'done',
      doneAt: '2026-11-26T08:00:00.000Z',
      late: false,
    });
    expect(deadlineState(due, '2026-11-26T10:00:00.000Z', '2026-11-26T10:00:00.000Z')).toMatchObject({ late: true });
  });

  it('both clocks of a leak: the first done, the second still running', () => {
    const clocks = leakClocks(
      { detectedAt: '2026-11-25T09:00:00.000Z', notifiedAt: '2026-11-25T20:00:00.000Z', resultsAt: null },
      '2026-11-27T09:00:00.000Z',
    );
    expect(clocks.notify.state).toBe('done');
    expect(clocks.results).toMatchObject({ state: 'remaining', minutes: 1440, due: '2026-11-28T09:00:00.000Z' });
  });

  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [360, '6:00'],
    [1439, '23:59'],
    [4320, '72:00'],
  ])('%i minutes read %s', (minutes, text) => {
    expect(hoursMinutes(minutes)).toBe(text);
  });
});

describe('incident words', () => {
  it('moves open → handling → resolved → reviewed, a resolved one back to handling, nothing after review', () => {
    expect(canMove('open', 'handling')).toBe(true);
    expect(canMove('open', 'resolved')).toBe(false);
    expect(canMove('handling', 'resolved')).toBe(true);
    expect(canMove('resolved', 'handling')).toBe(true);
    expect(canMove('resolved', 'reviewed')).toBe(true);
    expect(canMove('handling', 'reviewed')).toBe(false);
    expect(canMove('reviewed', 'handling')).toBe(false);
  });

  it('numbers an incident by its year and six unambiguous characters', () => {
    const number = incidentNumber(2026, new Uint8Array([0, 1, 2, 31, 32, 255]));
    expect(number).toBe('И-2026-234Z2Z');
    expect(number).toMatch(incidentNumberPattern);
  });
});
