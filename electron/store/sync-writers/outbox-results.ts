import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';

/**
 * Sync-only writer: the outbox's bookkeeping as the worker pushes it — attempts counted before a
 * send, an entry removed once the server has answered for it, a refused one kept and marked for
 * staff. The entries themselves are written by the door (`../outbox.ts`).
 */
export function countPushAttempts(tx: Tx, mutationIds: readonly string[]): void {
  rawTx(tx).run(
    `UPDATE sync_outbox SET attempts = attempts + 1 WHERE mutation_id IN (${mutationIds.map(() => '?').join(',')})`,
    [...mutationIds],
  );
}

/** The server applied the change, or kept it as a conflict that arrives by pull. */
export function settleOutboxEntry(tx: Tx, mutationId: string): void {
  rawTx(tx).run('DELETE FROM sync_outbox WHERE mutation_id = ?', [mutationId]);
}

export function markOutboxEntryRefused(tx: Tx, mutationId: string, code: string, field: string | null): void {
  rawTx(tx).run(
    "UPDATE sync_outbox SET status = 'refused', refused_code = ?, refused_field = ? WHERE mutation_id = ?",
    [code, field, mutationId],
  );
}
