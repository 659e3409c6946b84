import { byAttention, evaluateHealth, type HealthVerdict } from '../../../shared/health/evaluate-health';
import type { HealthReport } from '../../../shared/health/report';
import type { ServiceContext } from '../../core/context';
import { deskServerOf } from '../../sync/desk-server';
import { readSyncIdentity } from '../../sync/sync-settings';
import { SyncRefusedError, SyncUnreachableError } from '../../sync/sync-transport';
import { ownHealthReport } from './own-report';
import { readThresholds } from './thresholds';

/** Why only this desk is shown. */
type HealthNote = 'health.server_unreachable' | 'health.not_enrolled';

export interface DeskHealthView {
  deviceId: string | null;
  deviceName: string | null;
  /** This desk (its report made now, not the one the server last got). */
  self: boolean;
  receivedAt: string | null;
  report: HealthReport;
  verdict: HealthVerdict;
}

export interface DesksHealthView {
  /** `clinic`: every desk, from the server; `desk`: only this one (`note` says why). */
  source: 'clinic' | 'desk';
  note: HealthNote | null;
  desks: DeskHealthView[];
}

type HealthContext = Pick<ServiceContext, 'store' | 'clock' | 'syncState'>;

/**
 * Every desk of the clinic with its verdict by the clinic's thresholds, the one that needs
 * attention first (G5). This desk's own report is made now; offline — or not enrolled — the
 * answer is this desk alone, with a note saying why.
 */
export async function desksHealth(ctx: HealthContext): Promise<DesksHealthView> {
  const now = ctx.clock.now();
  const { thresholds } = ctx.store.read((tx) => readThresholds(tx));
  const own = await ownHealthReport(ctx.store, ctx.syncState().lastSyncAt, now);
  const selfId = ctx.store.transaction((tx) => readSyncIdentity(tx))?.deviceId ?? null;
  const server = deskServerOf(ctx.store)?.health;
  const view = (desk: Omit<DeskHealthView, 'verdict'>): DeskHealthView => ({
    ...desk,
    verdict: evaluateHealth(desk.report, thresholds, now, server ? [] : ['sync']),
  });
  const alone = (note: HealthNote): DesksHealthView => ({
    source: 'desk',
    note,
    desks: [view({ deviceId: selfId, deviceName: null, self: true, receivedAt: null, report: own })],
  });

  if (!server) return alone('health.not_enrolled');
  let answer;
  try {
    answer = await server.desks();
  } catch (error) {
    if (error instanceof SyncUnreachableError || error instanceof SyncRefusedError) {
      return alone('health.server_unreachable');
    }
    throw error;
  }
  const desks = answer.desks.map((desk) =>
    view({
      deviceId: desk.deviceId,
      deviceName: desk.deviceName,
      self: desk.deviceId === selfId,
      receivedAt: desk.receivedAt,
      report: desk.deviceId === selfId ? own : desk.report,
    }),
  );
  if (!desks.some((desk) => desk.self)) {
    desks.push(view({ deviceId: selfId, deviceName: null, self: true, receivedAt: null, report: own }));
  }
  return { source: 'clinic', note: null, desks: desks.sort(byAttention) };
}

/** The rail's count: desks that need attention (`waiting`), the red ones among them (`overdue`). */
export async function desksNeedingAttention(ctx: HealthContext): Promise<{ waiting: number; overdue: number }> {
  const { desks } = await desksHealth(ctx);
  return {
    waiting: desks.filter((desk) => desk.verdict.level !== 'ok').length,
    overdue: desks.filter((desk) => desk.verdict.level === 'red').length,
  };
}
