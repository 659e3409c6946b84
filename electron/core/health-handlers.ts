import { desksHealth, desksNeedingAttention } from '../services/health/desks-health';
import { readThresholds, setThresholds } from '../services/health/thresholds';
import type { Handlers } from './handler-types';

/** Handlers: the desks' health, its thresholds and alerts (issue 15, G5). */
export const healthHandlers: Handlers<'health'> = {
  'health.desks': (ctx) => desksHealth(ctx),
  'health.count': (ctx) => desksNeedingAttention(ctx),
  'health.thresholds.get': (ctx) => ctx.store.read((tx) => readThresholds(tx)),
  'health.thresholds.set': (ctx, input) => setThresholds(ctx, input),
};
