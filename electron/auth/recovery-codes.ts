import { createHash, randomInt } from 'node:crypto';
import type { Actor } from '../store/actor';
import type { Tx } from '../store/open-store';
import { insertSyncedRow, updateSyncedRow } from '../store/record-door';

/** Ten codes of ten Crockford base32 characters (50 bits each), printed as `XXXXX-XXXXX`. */
export const recoveryCodeCount = 10;
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeLength = 10;

function newCode(): string {
  let code = '';
  for (let i = 0; i < codeLength; i += 1) code += alphabet[randomInt(alphabet.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * What a typed code is compared as: case, spaces and dashes do not matter, and the letters
 * Crockford's alphabet leaves out read as the digits they look like (O → 0, I and L → 1).
 */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * SHA-256 without salt is enough here: each code has 50 random bits, is used once, and every
 * try counts towards the lockout; the hash only keeps the printed codes out of the database.
 */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code), 'utf8').digest('hex');
}

const usable = 'used_at IS NULL AND revoked_at IS NULL';

/**
 * A fresh set of codes for a person; the usable ones of an older set are retired (marked, not
 * deleted, so that the retirement syncs to every desk). Written by `by`, through the door.
 */
export function issueRecoveryCodes(tx: Tx, by: Actor, staffId: string, at: string): string[] {
  const door = { tx, actor: by, at };
  for (const { id } of tx.all<{ id: string }>(`SELECT id FROM recovery_codes WHERE staff_id = ? AND ${usable}`, [
    staffId,
  ])) {
    updateSyncedRow(door, 'recovery_codes', id, { revoked_at: at });
  }
  const codes = new Set<string>();
  while (codes.size < recoveryCodeCount) codes.add(newCode());
  for (const code of codes)
    insertSyncedRow(door, 'recovery_codes', {
      staff_id: staffId,
      code_hash: recoveryCodeHash(code),
      used_at: null,
      revoked_at: null,
    });
  return [...codes];
}

/**
 * Spends a code if it is one of the person's usable ones (the person, `by`, is the actor);
 * returns how many are left, or null.
 */
export function spendRecoveryCode(tx: Tx, by: Actor, staffId: string, code: string, at: string): number | null {
  const found = tx.get<{ id: string }>(
    `SELECT id FROM recovery_codes WHERE staff_id = ? AND code_hash = ? AND ${usable}`,
    [staffId, recoveryCodeHash(code)],
  );
  if (!found) return null;
  updateSyncedRow({ tx, actor: by, at }, 'recovery_codes', found.id, { used_at: at });
  return unusedRecoveryCodes(tx, staffId);
}

export function unusedRecoveryCodes(tx: Tx, staffId: string): number {
  return (
    tx.get<{ n: number }>(`SELECT count(*) AS n FROM recovery_codes WHERE staff_id = ? AND ${usable}`, [staffId])?.n ??
    0
  );
}
