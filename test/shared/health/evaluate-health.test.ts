import { describe, expect, it } from 'vitest';
import { byAttention, evaluateHealth } from '../../../shared/health/evaluate-health';
import type { HealthReport } from '../../../shared/health/report';
import { defaultThresholds, thresholdProblems, type HealthThresholds } from '../../../shared/health/thresholds';

const now = new Date('2026-12-07T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
const daysAgo = (days: number) => minutesAgo(days * 24 * 60);

const healthy: HealthReport = {
  lastSyncAt: minutesAgo(1),
  pendingOutbox: 0,
  openConflicts: 0,
  refusedChanges: 0,
  freeDiskMb: 50_000,
  databaseMb: 120,
  lastBackupAt: daysAgo(0),
  lastDrillAt: daysAgo(3),
  appVersion: '0.1.0',
  reportedAt: minutesAgo(1),
};

const t: HealthThresholds = defaultThresholds;

describe('evaluateHealth (G5)', () => {
  it.each<[string, Partial<HealthReport>, 'ok' | 'amber' | 'red', string | null, number | null]>([
    ['a healthy desk', {}, 'ok', null, null],
    ['sync just under amber', { lastSyncAt: minutesAgo(t.sync_minutes_amber - 1) }, 'ok', null, null],
    ['sync at amber', { lastSyncAt: minutesAgo(t.sync_minutes_amber) }, 'amber', 'sync', t.sync_minutes_amber],
    ['sync at red', { lastSyncAt: minutesAgo(t.sync_minutes_red + 5) }, 'red', 'sync', t.sync_minutes_red + 5],
    ['never synced', { lastSyncAt: null }, 'red', 'sync', null],
    ['outbox at amber', { pendingOutbox: t.outbox_amber }, 'amber', 'outbox', t.outbox_amber],
    ['outbox over red', { pendingOutbox: t.outbox_red + 1 }, 'red', 'outbox', t.outbox_red + 1],
    ['one conflict', { openConflicts: 1 }, 'amber', 'conflicts', 1],
    ['disk low', { freeDiskMb: t.free_disk_mb_amber - 1 }, 'amber', 'disk', t.free_disk_mb_amber - 1],
    ['disk nearly full', { freeDiskMb: 10.7 }, 'red', 'disk', 10],
    ['disk unknown', { freeDiskMb: null }, 'ok', null, null],
    ['backup old', { lastBackupAt: daysAgo(t.backup_days_amber) }, 'amber', 'backup', t.backup_days_amber],
    ['never backed up', { lastBackupAt: null }, 'amber', 'backup', null],
    ['drill overdue', { lastDrillAt: daysAgo(t.drill_days_red) }, 'red', 'drill', t.drill_days_red],
    ['never drilled', { lastDrillAt: null }, 'amber', 'drill', null],
  ])('%s', (_name, patch, level, metric, value) => {
    const verdict = evaluateHealth({ ...healthy, ...patch }, t, now);
    expect(verdict.level).toBe(level);
    expect(verdict.reasons[0]?.metric ?? null).toBe(metric);
    expect(verdict.reasons[0]?.value ?? null).toBe(value);
  });

  it('puts red reasons before amber ones and names each limit', () => {
    const verdict = evaluateHealth({ ...healthy, openConflicts: 2, pendingOutbox: 5000 }, t, now);
    expect(verdict.level).toBe('red');
    expect(verdict.reasons).toEqual([
      { metric: 'outbox', level: 'red', value: 5000, limit: t.outbox_red },
      { metric: 'conflicts', level: 'amber', value: 2, limit: t.conflicts_amber },
    ]);
  });

  it('leaves out a metric that does not apply (a desk with no server never syncs)', () => {
    expect(evaluateHealth({ ...healthy, lastSyncAt: null }, t, now, ['sync']).level).toBe('ok');
  });

  it('orders desks by the attention they need', () => {
    const desks = [
      { name: 'ok', verdict: evaluateHealth(healthy, t, now) },
      { name: 'amber', verdict: evaluateHealth({ ...healthy, openConflicts: 1 }, t, now) },
      { name: 'red', verdict: evaluateHealth({ ...healthy, lastBackupAt: daysAgo(30) }, t, now) },
    ];
    expect(desks.sort(byAttention).map((desk) => desk.name)).toEqual(['red', 'amber', 'ok']);
  });
});

describe('thresholdProblems', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(thresholdProblems(defaultThresholds)).toEqual([]);
  });

  it.each<[string, Partial<Record<string, unknown>>, string, 'positive' | 'order']>([
    ['zero', { outbox_amber: 0 }, 'outbox_amber', 'positive'],
    ['negative', { conflicts_red: -3 }, 'conflicts_red', 'positive'],
    ['a fraction', { sync_minutes_amber: 1.5 }, 'sync_minutes_amber', 'positive'],
    ['text', { backup_days_red: '7' }, 'backup_days_red', 'positive'],
    ['red before amber', { outbox_amber: 500, outbox_red: 100 }, 'outbox_red', 'order'],
    ['equal', { drill_days_amber: 30, drill_days_red: 30 }, 'drill_days_red', 'order'],
    ['disk red above amber', { free_disk_mb_amber: 100, free_disk_mb_red: 200 }, 'free_disk_mb_red', 'order'],
  ])('refuses %s, naming the field', (_name, patch, field, problem) => {
    expect(thresholdProblems({ ...defaultThresholds, ...patch })).toEqual([{ field, problem }]);
  });
});
