import type { DurationStats } from '../../../shared/api/report-calls';

/**
 * The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, interpolated linearly between the two
 * nearest ranks (Hyndman & Fan type 7: Excel's PERCENTILE.INC, numpy's default), so the median
 * of an even count is the mean of the middle two. Undefined for an empty list.
 */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower + (rank - below) * (upper - lower);
}

/** Hours to two decimals (36 seconds): finer than any reader of the report needs. */
function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** Count, median and 90th percentile of durations in hours. */
export function durationStats(hours: readonly number[]): DurationStats {
  const sorted = [...hours].sort((a, b) => a - b);
  const median = percentile(sorted, 0.5);
  const p90 = percentile(sorted, 0.9);
  return {
    count: sorted.length,
    medianHours: median === undefined ? null : roundHours(median),
    p90Hours: p90 === undefined ? null : roundHours(p90),
  };
}
