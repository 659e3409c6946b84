import { listConflicts, resolveConflict } from '../services/sync/conflicts';
import { syncStatus } from '../services/sync/sync-status';
import type { Handlers } from './handler-types';

/** The desk's sync as staff see it: its state and the conflicts to resolve (G3). */
export const syncHandlers: Handlers<'sync'> = {
  'sync.status': (ctx) => syncStatus(ctx),
  'sync.conflicts': (ctx) => listConflicts(ctx),
  'sync.resolveConflict': (ctx, input) => resolveConflict(ctx, input.id, input.keep),
};
