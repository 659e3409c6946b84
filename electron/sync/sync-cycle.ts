import type { Actor } from '../core/context';
import type { Store } from '../store/open-store';
import { firstSync, pullChanges } from './pull-changes';
import { pushOutbox, type PushReport } from './push-outbox';
import { readCursor } from './sync-settings';
import type { ProgressReporter } from './sync-progress';
import type { SyncTransport } from './sync-transport';

/** One round: the first full sync if this desk never had one, then push, then pull. */
export async function syncCycle(
  store: Store,
  transport: SyncTransport,
  actor: Actor,
  report: ProgressReporter,
): Promise<PushReport & { pulled: number }> {
  if (store.transaction((tx) => readCursor(tx)) === undefined) await firstSync(store, transport, actor, report);
  const pushed = await pushOutbox(store, transport);
  const pulled = await pullChanges(store, transport, actor, report);
  return { ...pushed, pulled };
}
