import type { HealthReport } from './report';
import { healthMetrics, thresholdMetrics, type HealthMetric, type HealthThresholds } from './thresholds';

export type HealthLevel = 'ok' | 'amber' | 'red';

/** One metric past its limit: its value (null: never happened — no sync, no backup, no drill). */
export interface HealthReason {
  metric: HealthMetric;
  level: Exclude<HealthLevel, 'ok'>;
  value: number | null;
  limit: number;
}

export interface HealthVerdict {
  level: HealthLevel;
  /** Red first, then amber, each in the metrics' order. */
  reasons: HealthReason[];
}

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/** How long ago `at` was, in whole units; null when it never happened. */
function since(at: string | null, now: Date, unitMs: number): number | null {
  if (at === null) return null;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(at)) / unitMs));
}

/**
 * What never happened: a desk that never synced is red; one never backed up or never drilled is
 * amber — a new desk is told to make its first backup, but it is not an emergency that opens an
 * incident (a backup grown older than the red limit is).
 */
const neverLevel: Record<HealthMetric, Exclude<HealthLevel, 'ok'> | null> = {
  sync: 'red',
  outbox: null,
  conflicts: null,
  disk: null,
  backup: 'amber',
  drill: 'amber',
};

function valueOf(metric: HealthMetric, report: HealthReport, now: Date): number | null {
  switch (metric) {
    case 'sync':
      return since(report.lastSyncAt, now, minuteMs);
    case 'outbox':
      return report.pendingOutbox;
    case 'conflicts':
      return report.openConflicts;
    case 'disk':
      return report.freeDiskMb === null ? null : Math.floor(report.freeDiskMb);
    case 'backup':
      return since(report.lastBackupAt, now, dayMs);
    case 'drill':
      return since(report.lastDrillAt, now, dayMs);
  }
}

/**
 * A desk's health by the clinic's thresholds (G5): each metric ok, amber or red, the worst one the
 * desk's level. "Max" metrics turn amber at their amber limit and red at their red limit; free
 * disk turns amber at or below its amber limit. Pure: the same on the desk and the server.
 */
export function evaluateHealth(
  report: HealthReport,
  thresholds: HealthThresholds,
  now: Date,
  /** Metrics that do not apply (a desk not enrolled with a server does not sync). */
  skip: readonly HealthMetric[] = [],
): HealthVerdict {
  const reasons: HealthReason[] = [];
  for (const metric of healthMetrics) {
    if (skip.includes(metric)) continue;
    const { amber, red, direction } = thresholdMetrics[metric];
    const value = valueOf(metric, report, now);
    if (value === null) {
      const level = neverLevel[metric];
      if (level) reasons.push({ metric, level, value: null, limit: thresholds[level === 'red' ? red : amber] });
      continue;
    }
    const past = (limit: number) => (direction === 'max' ? value >= limit : value <= limit);
    if (past(thresholds[red])) reasons.push({ metric, level: 'red', value, limit: thresholds[red] });
    else if (past(thresholds[amber])) reasons.push({ metric, level: 'amber', value, limit: thresholds[amber] });
  }
  reasons.sort((a, b) => (a.level === b.level ? 0 : a.level === 'red' ? -1 : 1));
  const level: HealthLevel = reasons[0]?.level ?? 'ok';
  return { level, reasons };
}

const rank: Record<HealthLevel, number> = { red: 0, amber: 1, ok: 2 };

/** Desks in the order they need attention: red, then amber, then ok; more reasons first. */
export function byAttention<T extends { verdict: HealthVerdict }>(a: T, b: T): number {
  return rank[a.verdict.level] - rank[b.verdict.level] || b.verdict.reasons.length - a.verdict.reasons.length;
}
