import { z } from 'zod';

/**
 * The clinic's health thresholds (the synced table `health_thresholds`, one row per clinic): for
 * each metric an amber and a red limit. "Max" metrics turn amber above amber and red above red
 * (amber < red); free disk is a "min" metric (amber > red).
 */
export const thresholdMetrics = {
  sync: { amber: 'sync_minutes_amber', red: 'sync_minutes_red', direction: 'max' },
  outbox: { amber: 'outbox_amber', red: 'outbox_red', direction: 'max' },
  conflicts: { amber: 'conflicts_amber', red: 'conflicts_red', direction: 'max' },
  disk: { amber: 'free_disk_mb_amber', red: 'free_disk_mb_red', direction: 'min' },
  backup: { amber: 'backup_days_amber', red: 'backup_days_red', direction: 'max' },
  drill: { amber: 'drill_days_amber', red: 'drill_days_red', direction: 'max' },
} as const;
export type HealthMetric = keyof typeof thresholdMetrics;
export const healthMetrics = Object.keys(thresholdMetrics) as HealthMetric[];

/** The row's threshold columns, in the form's order. */
export const thresholdFields = healthMetrics.flatMap((metric) => [
  thresholdMetrics[metric].amber,
  thresholdMetrics[metric].red,
]) as ThresholdField[];
export type ThresholdField = (typeof thresholdMetrics)[HealthMetric]['amber' | 'red'];
export type HealthThresholds = Record<ThresholdField, number>;

/** Used while the clinic has no row of its own. */
export const defaultThresholds: HealthThresholds = {
  sync_minutes_amber: 60,
  sync_minutes_red: 24 * 60,
  outbox_amber: 100,
  outbox_red: 1000,
  conflicts_amber: 1,
  conflicts_red: 10,
  free_disk_mb_amber: 5 * 1024,
  free_disk_mb_red: 1024,
  backup_days_amber: 2,
  backup_days_red: 7,
  drill_days_amber: 31,
  drill_days_red: 92,
};

/** The largest limit anyone could mean (ten years in minutes, a petabyte in MB). */
const maxLimit = 1e9;

export interface ThresholdProblem {
  field: ThresholdField;
  /** `positive`: not a whole number above zero (or absurdly large); `order`: amber does not come before red. */
  problem: 'positive' | 'order';
}

/**
 * What is wrong with a set of thresholds, field by field (empty: sane). Every limit is a whole
 * number above zero; amber comes before red — below it for "max" metrics, above it for free disk.
 * The order problem names the red field.
 */
export function thresholdProblems(values: Record<string, unknown>): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  const sane = (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= maxLimit;
  for (const metric of healthMetrics) {
    const { amber, red, direction } = thresholdMetrics[metric];
    const [a, r] = [values[amber], values[red]];
    if (!sane(a)) problems.push({ field: amber, problem: 'positive' });
    if (!sane(r)) problems.push({ field: red, problem: 'positive' });
    if (sane(a) && sane(r) && (direction === 'max' ? a >= r : a <= r)) problems.push({ field: red, problem: 'order' });
  }
  return problems;
}

const limit = z.number().int().positive().max(maxLimit);

/** The form's (and the call's) shape; the order of amber and red is checked by `thresholdProblems`. */
export const healthThresholdsSchema = z.strictObject(
  Object.fromEntries(thresholdFields.map((field) => [field, limit])) as Record<ThresholdField, typeof limit>,
);
