import { describe, expect, it } from 'vitest';
import { durationStats, percentile } from '../../../../electron/services/reports/percentile';
import { isoWeek, weekStart, weeksOf } from '../../../../electron/services/reports/iso-week';

describe('percentiles of the report (C6), checked by hand', () => {
  it('interpolates between the nearest ranks: the median of an even count is the mean of the middle two', () => {
    expect(percentile([1, 2, 4, 10], 0.5)).toBe(3);
    // rank (4 − 1) × 0.9 = 2.7: 4 + 0.7 × (10 − 4)
    expect(percentile([1, 2, 4, 10], 0.9)).toBeCloseTo(8.2, 10);
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([], 0.5)).toBeUndefined();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
  });

  it('counts, sorts and rounds to hundredths of an hour; an empty set has no median', () => {
    expect(durationStats([10, 1, 4, 2])).toEqual({ count: 4, medianHours: 3, p90Hours: 8.2 });
    expect(durationStats([1 / 3])).toEqual({ count: 1, medianHours: 0.33, p90Hours: 0.33 });
    expect(durationStats([])).toEqual({ count: 0, medianHours: null, p90Hours: null });
  });
});

describe('ISO weeks', () => {
  it('start on Monday; week 1 holds the year’s first Thursday', () => {
    expect(weekStart('2026-11-25')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(weeksOf('2026-11-25', '2026-12-07')).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
  });
});
