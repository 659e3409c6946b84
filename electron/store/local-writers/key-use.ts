import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';

/**
 * Per-desk writer: a key's use on this desk — its WebAuthn signature counter and when it was
 * last used. Neither syncs: each desk checks the counter it read itself.
 */
export function stampKeyUse(tx: Tx, keyId: string, at: string): void {
  rawTx(tx).run('UPDATE staff_keys SET last_used_at = ? WHERE id = ?', [at, keyId]);
}

/**
 * Moves the counter from `seen` to `next`, unless another sign-in with the same key got there
 * first (or the key was revoked): true when this call moved it.
 */
export function advanceKeyCounter(tx: Tx, key: { id: string; seen: number; next: number }, at: string): boolean {
  const updated = rawTx(tx).run(
    'UPDATE staff_keys SET counter = ?, last_used_at = ? WHERE id = ? AND counter = ? AND revoked_at IS NULL',
    [key.next, at, key.id, key.seen],
  );
  return updated.changes === 1;
}

/** The counter a key reported when it was enrolled here. */
export function setEnrolledKeyCounter(tx: Tx, keyId: string, counter: number): void {
  rawTx(tx).run('UPDATE staff_keys SET counter = ? WHERE id = ?', [counter, keyId]);
}
