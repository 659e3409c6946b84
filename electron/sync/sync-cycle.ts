import type { Actor } from '../core/context';
import type { Store } from '../store/open-store';
import type { BlobSync } from './blob-sync';
import { firstSync, pullChanges } from './pull-changes';
import { pushOutbox, type PushReport } from './push-outbox';
import { readCursor } from './sync-settings';
import type { ProgressReporter } from './sync-progress';
import type { SyncTransport } from './sync-transport';

/**
 * One round: the first full sync if this desk never had one, then push (files first), then pull,
 * then the files pulled rows name.
 */
export async function syncCycle(
  store: Store,
  transport: SyncTransport,
  actor: Actor,
  report: ProgressReporter,
  blobs?: BlobSync,
): Promise<PushReport & { pulled: number; blobsArrived: number }> {
  if (store.transaction((tx) => readCursor(tx)) === undefined) await firstSync(store, transport, actor, report);
  const pushed = await pushOutbox(store, transport, blobs);
  const pulled = await pullChanges(store, transport, actor, report);
  const blobsArrived = (await blobs?.downloadQueued()) ?? 0;
  return { ...pushed, pulled, blobsArrived };
}
