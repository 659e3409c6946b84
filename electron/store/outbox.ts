import type { Actor } from './actor';
import { canonicalJson } from '../../shared/canonical-json';
import { newId } from './ids';
import type { Tx } from './open-store';
import { rawTx } from './raw-tx';

export interface OutboxEntry {
  table: string;
  rowId: string;
  baseVersion: number;
  changed: Record<string, unknown>;
}

/** Queues a local change for the sync worker, in the same transaction as the change itself. */
export function appendOutbox(tx: Tx, actor: Actor, at: string, entry: OutboxEntry): void {
  rawTx(tx).run(
    `INSERT INTO sync_outbox (mutation_id, table_name, row_id, base_version, changed, actor_id, device_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      newId(),
      entry.table,
      entry.rowId,
      entry.baseVersion,
      canonicalJson(entry.changed),
      actor.staffId,
      actor.deviceId,
      at,
    ],
  );
}
