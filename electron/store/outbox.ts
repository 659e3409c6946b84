import { AppError } from '../../shared/errors/app-error';
import { entryText } from '../../shared/sync/session-proof';
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

/**
 * Queues a local change for the sync worker, in the same transaction as the change itself. The
 * entry is signed here, when it is written, by the actor's session key (`entryText`: the mutation
 * as it will be pushed and the session's id), so the server can tell who made it
 * (server/sync/proof/). The desk's setup account never writes synced data; a person without a
 * proven session (a desk not enrolled with a server) writes an unsigned entry, which a server
 * would refuse (`sync.proof.missing`). The setup account is refused here on an enrolled desk; on a
 * desk that is not (a demo, a bench, a test's temporary desk) nothing leaves the desk, and should
 * it enrol later, the server refuses those unsigned entries.
 */
export function appendOutbox(tx: Tx, actor: Actor, at: string, entry: OutboxEntry): void {
  if (actor.kind === 'setup' && deskIsEnrolled(tx)) throw new AppError('sync.proof.setup_writer');
  const mutationId = newId();
  const signer = actor.signer;
  const signature = signer
    ? signer.sign(
        entryText({
          mutationId,
          table: entry.table,
          rowId: entry.rowId,
          baseVersion: entry.baseVersion,
          changed: entry.changed,
          actorId: actor.staffId,
          at,
          sessionId: signer.sessionId,
        }),
      )
    : null;
  rawTx(tx).run(
    `INSERT INTO sync_outbox
       (mutation_id, table_name, row_id, base_version, changed, actor_id, device_id, created_at, session_id, signature)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      mutationId,
      entry.table,
      entry.rowId,
      entry.baseVersion,
      canonicalJson(entry.changed),
      actor.staffId,
      actor.deviceId,
      at,
      signer?.sessionId ?? null,
      signature,
    ],
  );
}

/** The desk has a sync identity (electron/sync/sync-settings.ts keeps it under this key). */
function deskIsEnrolled(tx: Tx): boolean {
  return tx.get("SELECT 1 FROM settings WHERE key = 'sync.identity'") !== undefined;
}
