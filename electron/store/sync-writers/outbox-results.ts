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

export function markOutboxEntryRefused(
  tx: Tx,
  mutationId: string,
  code: string,
  field: string | null,
  at: string = new Date().toISOString(),
): void {
  rawTx(tx).run(
    "UPDATE sync_outbox SET status = 'refused', refused_code = ?, refused_field = ? WHERE mutation_id = ?",
    [code, field, mutationId],
  );
  disableRefusedPerson(tx, mutationId, code, at);
}

/** The server's answers that mean it does not take the writer of a person's account as one. */
const actorRefusals = new Set(['sync.actor_unknown', 'sync.actor_inactive', 'sync.actor_forbidden']);

/**
 * A person the server refused to create — a local "first admin" on a desk enrolled with a server
 * that has its admins, or a clerk such an admin made — is disabled on this desk (issue 10): they
 * could otherwise go on signing in here and read what the desk pulls later. The row stays, with
 * the server's reason, for the staff list to show.
 */
function disableRefusedPerson(tx: Tx, mutationId: string, code: string, at: string): void {
  if (!actorRefusals.has(code)) return;
  rawTx(tx).run(
    `UPDATE staff SET server_refused_code = ?, server_refused_at = ?
     WHERE kind = 'person' AND server_refused_code IS NULL AND id = (
       SELECT row_id FROM sync_outbox WHERE mutation_id = ? AND table_name = 'staff' AND base_version = 0)`,
    [code, at, mutationId],
  );
}
