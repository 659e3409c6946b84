import { randomInt } from 'node:crypto';
import { hashSync, verifySync, type Algorithm, type Options } from '@node-rs/argon2';
import { normalizeRecoveryCode, recoveryCodeCount, recoveryCodeText } from '../../shared/auth/recovery-code-text';
import type { Actor } from '../store/actor';
import type { Tx } from '../store/open-store';
import { insertSyncedRow, updateSyncedRow } from '../store/record-door';

export { normalizeRecoveryCode, recoveryCodeCount };

/**
 * A desk with no server keeps its people's recovery codes itself (an enrolled desk asks the
 * server: second-factor-server.ts). Stored as argon2id, never a fast hash: an unsalted SHA-256 of
 * a 50-bit code falls to one 2^50 pass over every code at once; argon2id with its own salt per
 * code costs each guess ~10 ms and 8 MiB, per code. Lighter than the password profile because a
 * check compares against up to ten codes and the code itself has 50 random bits.
 */
const codeHashOptions: Options = { algorithm: 2 as Algorithm, memoryCost: 8_192, timeCost: 2, parallelism: 1 };

export function recoveryCodeHash(code: string): string {
  return hashSync(normalizeRecoveryCode(code), codeHashOptions);
}

function codeMatches(stored: string, code: string): boolean {
  try {
    return verifySync(stored, normalizeRecoveryCode(code));
  } catch {
    // A value that is not a PHC string (the old SHA-256 hex) matches nothing.
    return false;
  }
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
  while (codes.size < recoveryCodeCount) codes.add(recoveryCodeText(randomInt));
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
  const rows = tx.all<{ id: string; code_hash: string }>(
    `SELECT id, code_hash FROM recovery_codes WHERE staff_id = ? AND ${usable}`,
    [staffId],
  );
  const found = rows.find((row) => codeMatches(row.code_hash, code));
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
