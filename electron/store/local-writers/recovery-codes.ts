import type { Actor } from '../actor';
import { newId } from '../ids';
import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';

const usable = 'used_at IS NULL AND revoked_at IS NULL';

/**
 * Per-desk writer: a lone desk's recovery codes (argon2id hashes, electron/auth/recovery-codes.ts).
 * They are not synced (issue 10, item 2): on an enrolled desk the server issues, keeps and spends
 * them, so nothing here is written there.
 */
export function replaceLocalRecoveryCodes(tx: Tx, by: Actor, staffId: string, at: string, hashes: string[]): void {
  const raw = rawTx(tx);
  raw.run(`UPDATE recovery_codes SET revoked_at = ?, updated_at = ?, updated_by = ? WHERE staff_id = ? AND ${usable}`, [
    at,
    at,
    by.staffId,
    staffId,
  ]);
  for (const hash of hashes) {
    raw.run(
      `INSERT INTO recovery_codes (id, version, created_at, created_by, updated_at, updated_by, device_id, staff_id,
         code_hash, used_at, revoked_at) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
      [newId(), at, by.staffId, at, by.staffId, by.deviceId, staffId, hash],
    );
  }
}

/** Spends one code (once: a spent code is never usable again). True when this call spent it. */
export function spendLocalRecoveryCode(tx: Tx, by: Actor, id: string, at: string): boolean {
  const result = rawTx(tx).run(
    `UPDATE recovery_codes SET used_at = ?, updated_at = ?, updated_by = ? WHERE id = ? AND ${usable}`,
    [at, at, by.staffId, id],
  );
  return result.changes === 1;
}
