import { createHash, randomInt } from 'node:crypto';
import type { Tx } from '../store/open-store';

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
  return code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/**
 * SHA-256 without salt is enough here: each code has 50 random bits, is used once, and every
 * try counts towards the lockout; the hash only keeps the printed codes out of the database.
 */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code), 'utf8').digest('hex');
}

/** A fresh set of codes for a person; the unused ones of an older set stop working. */
export function issueRecoveryCodes(tx: Tx, staffId: string, at: string): string[] {
  tx.run('DELETE FROM recovery_codes WHERE staff_id = ? AND used_at IS NULL', [staffId]);
  const codes = new Set<string>();
  while (codes.size < recoveryCodeCount) codes.add(newCode());
  for (const code of codes) {
    tx.run('INSERT INTO recovery_codes (staff_id, code_hash, created_at) VALUES (?, ?, ?)', [staffId, recoveryCodeHash(code), at]);
  }
  return [...codes];
}

/** Spends a code if it is one of the person's unused ones; returns how many are left, or null. */
export function spendRecoveryCode(tx: Tx, staffId: string, code: string, at: string): number | null {
  const spent = tx.run('UPDATE recovery_codes SET used_at = ? WHERE staff_id = ? AND code_hash = ? AND used_at IS NULL', [
    at,
    staffId,
    recoveryCodeHash(code),
  ]);
  if (spent.changes !== 1) return null;
  return unusedRecoveryCodes(tx, staffId);
}

export function unusedRecoveryCodes(tx: Tx, staffId: string): number {
  return tx.get<{ n: number }>('SELECT count(*) AS n FROM recovery_codes WHERE staff_id = ? AND used_at IS NULL', [staffId])?.n ?? 0;
}
