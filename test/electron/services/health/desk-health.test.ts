import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors/app-error';
import { defaultThresholds } from '../../../../shared/health/thresholds';
import type { ServiceContext } from '../../../../electron/core/context';
import { desksHealth, desksNeedingAttention } from '../../../../electron/services/health/desks-health';
import { ownHealthReport } from '../../../../electron/services/health/own-report';
import { readThresholds, setThresholds } from '../../../../electron/services/health/thresholds';
import { enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../../../sync/sync-harness';

const asAdmin = (desk: TempDesk): ServiceContext => ({ ...desk.ctx, actor: { ...desk.ctx.actor, role: 'admin' } });
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.code}${error.field ? `@${error.field}` : ''}` : String(error);
  }
  return undefined;
};

describe('a desk on its own (G5)', () => {
  let desk: TempDesk;
  beforeAll(async () => {
    desk = await openTempDesk();
  });
  afterAll(() => desk.cleanup());

  it('reports what waits in its outbox, its database and its disk', async () => {
    await enrolPatient(desk, {});
    const report = await ownHealthReport(desk.store, null, desk.ctx.clock.now());
    expect(report.pendingOutbox).toBeGreaterThan(0);
    expect(report.openConflicts).toBe(0);
    expect(report.databaseMb).toBeGreaterThan(0);
    expect(report.freeDiskMb).toBeGreaterThan(0);
    expect(report.lastSyncAt).toBeNull();
  });

  it('keeps the defaults until an admin sets thresholds, and refuses nonsense under its field', () => {
    expect(desk.store.read((tx) => readThresholds(tx))).toEqual({ thresholds: defaultThresholds, isDefault: true });
    const admin = asAdmin(desk);
    expect(codeOf(() => setThresholds(admin, { ...defaultThresholds, outbox_amber: 9, outbox_red: 3 }))).toBe(
      'health.threshold_order@outbox_red',
    );
    expect(codeOf(() => setThresholds(desk.ctx, { ...defaultThresholds }))).toBe('forbidden');
    const outboxBefore = desk.count('sync_outbox', "table_name = 'health_thresholds'");
    setThresholds(admin, { ...defaultThresholds, outbox_amber: 1, outbox_red: 2 });
    setThresholds(admin, { ...defaultThresholds, outbox_amber: 1, outbox_red: 2, conflicts_red: 20 });
    expect(desk.count('health_thresholds')).toBe(1);
    expect(desk.count('sync_outbox', "table_name = 'health_thresholds'")).toBe(outboxBefore + 2);
    expect(desk.store.read((tx) => readThresholds(tx)).thresholds.conflicts_red).toBe(20);
  });

  it('shows only itself, saying it is not enrolled, judged by the clinic’s thresholds', async () => {
    const view = await desksHealth(desk.ctx);
    expect(view.source).toBe('desk');
    expect(view.note).toBe('health.not_enrolled');
    expect(view.desks).toHaveLength(1);
    expect(view.desks[0]?.self).toBe(true);
    expect(view.desks[0]?.verdict.level).toBe('red');
    expect(view.desks[0]?.verdict.reasons.map((reason) => reason.metric)).toContain('outbox');
    expect(await desksNeedingAttention(desk.ctx)).toEqual({ waiting: 1, overdue: 1 });
  });
});

describe('desks of a clinic, through the server', () => {
  let server: SyncServer;
  let reception: SyncDesk;
  let surgery: SyncDesk;
  beforeAll(async () => {
    server = await startSyncServer({ extra: () => ({ healthAlertIntervalMs: false }) });
    reception = await openSyncDesk(server, 'Регистратура 1');
    surgery = await openSyncDesk(server, 'Кабинет 12');
  }, 120_000);
  afterAll(async () => {
    await reception?.cleanup();
    await surgery?.cleanup();
    await server?.stop();
  });

  it('sends its report after a sync cycle; every desk of the clinic is listed, each judged', async () => {
    await reception.sync();
    await surgery.sync();
    expect(Number((await server.db('device_health').count<{ n: unknown }[]>('* as n'))[0]?.n)).toBe(2);
    const view = await desksHealth(reception.ctx);
    expect(view.source).toBe('clinic');
    expect(view.note).toBeNull();
    expect(view.desks.map((desk) => desk.deviceName).sort()).toEqual(['Кабинет 12', 'Регистратура 1']);
    expect(view.desks.filter((desk) => desk.self).map((desk) => desk.deviceName)).toEqual(['Регистратура 1']);
    const other = view.desks.find((desk) => !desk.self);
    expect(other?.report.lastSyncAt).not.toBeNull();
    expect(other?.verdict.reasons.map((reason) => reason.metric)).toEqual(['backup', 'drill']);
  });

  it('says the server cannot be reached and shows itself when it is down', async () => {
    await server.kill();
    try {
      const view = await desksHealth(reception.ctx);
      expect(view.source).toBe('desk');
      expect(view.note).toBe('health.server_unreachable');
      expect(view.desks).toHaveLength(1);
    } finally {
      await server.restart();
    }
  });
});
