import { auditPushBatch } from '../../shared/audit/audit-chain';
import { chainEventsAfter } from '../store/audit-log';
import type { Store } from '../store/open-store';
import { readAuditAnchor, writeAuditAnchor } from '../store/sync-writers/audit-anchor';
import type { AuditTransport } from './audit-transport';
import { SyncRefusedError } from './sync-transport';

/**
 * The sync cycle's audit step (issue 10, item 3): this desk's chain goes to the server in order,
 * in batches, each from where the server's last answer left it. Idempotent: a batch whose answer
 * was lost is sent again and the server skips what it holds. When the server misses events the
 * desk thought anchored (`audit.chain.gap`: a server restored from backup), the desk asks for the
 * server's head and sends from there. A fork (`audit.chain.fork`: this desk's chain differs from
 * what it anchored) is a refusal for staff and the auditor, and is thrown to the loop as such.
 * Returns how many events the server stored.
 */
export async function pushAuditChain(store: Store, audit: AuditTransport | undefined): Promise<number> {
  if (!audit) return 0;
  let stored = 0;
  for (;;) {
    const from = store.read((tx) => readAuditAnchor(tx)?.seq ?? 0);
    const events = store.read((tx) => chainEventsAfter(tx, from, auditPushBatch));
    if (events.length === 0) return stored;
    try {
      const answer = await audit.push(events);
      store.transaction((tx) => writeAuditAnchor(tx, answer.head));
      stored += answer.stored;
    } catch (error) {
      if (!(error instanceof SyncRefusedError && error.code === 'audit.chain.gap')) throw error;
      const { head } = await audit.anchor();
      if ((head?.seq ?? 0) >= from) throw error;
      store.transaction((tx) => writeAuditAnchor(tx, head));
    }
  }
}
