import type { Actor } from '../store/actor';
import type { Store } from '../store/open-store';
import { pushAuditChain } from './audit-push';
import { ownHealthReport } from '../services/health/own-report';
import { sendHealthReport } from './health-transport';
import type { BlobSync } from './blob-sync';
import { followDictionaryReleases, uploadDictionaryFiles } from './dictionary-releases';
import { firstSync, pullChanges } from './pull-changes';
import { pushOutbox, type PushReport } from './push-outbox';
import { readCursor } from './sync-settings';
import type { ProgressReporter } from './sync-progress';
import type { SyncTransport } from './sync-transport';

/**
 * One round: the first full sync if this desk never had one, then push (files first), then pull,
 * then the files pulled rows name, then the dictionary releases pulled (their files are the
 * published dictionaries' own: dictionary-releases.ts), the audit chain (audit-push.ts), and last
 * this desk's health report (health-transport.ts: best effort, never fails the cycle).
 */
export async function syncCycle(
  store: Store,
  transport: SyncTransport,
  actor: Actor,
  report: ProgressReporter,
  blobs?: BlobSync,
): Promise<PushReport & { pulled: number; blobsArrived: number }> {
  if (store.transaction((tx) => readCursor(tx)) === undefined) await firstSync(store, transport, actor, report);
  await uploadDictionaryFiles(store, transport);
  const pushed = await pushOutbox(store, transport, blobs);
  const pulled = await pullChanges(store, transport, actor, report);
  const blobsArrived = (await blobs?.downloadQueued()) ?? 0;
  await followDictionaryReleases(store, transport, actor, report);
  await pushAuditChain(store, transport.audit);
  await sendHealthReport(transport.health, () => ownHealthReport(store, new Date().toISOString(), new Date()));
  return { ...pushed, pulled, blobsArrived };
}
