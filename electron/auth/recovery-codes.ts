import { randomInt } from 'node:crypto';
import { hashSync, verifySync, type Algorithm, type Options } from '@node-rs/argon2';
import { normalizeRecoveryCode, recoveryCodeCount, recoveryCodeText } from '../../shared/auth/recovery-code-text';
import type { Actor } from '../store/actor';
import { replaceLocalRecoveryCodes, spendLocalRecoveryCode } from '../store/local-writers/recovery-codes';
import type { Tx } from '../store/open-store';
import { readSyncIdentity } from '../sync/sync-settings';

export { normalizeRecoveryCode, recoveryCodeCount };

/**
 * A desk with no server keeps its people's recovery codes itself, in a local table that does not
 * sync; an enrolled desk asks the server (second-factor-server.ts), which keeps them as HMAC under
 * its pepper. Stored as argon2id, never a fast hash: an unsalted SHA-256 of a 50-bit code falls to
 * one 2^50 pass over every code at once; argon2id with its own salt per code costs each guess
 * ~10 ms and 8 MiB, per code. Lighter than the password profile because a check compares against
 * up to ten codes and the code itself has 50 random bits.
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

/** Whether this desk's recovery codes are the server's (the desk is enrolled with one). */
export function codesOnServer(tx: Tx): boolean {
  return readSyncIdentity(tx) !== undefined;
}

/**
 * A fresh set of codes for a person on a lone desk; the usable ones of an older set are retired.
 * On an enrolled desk none are made here: the person asks the server for their own set once
 * signed in (own-account.ts `renewRecoveryCodes`), and it is shown to them once.
 */
export function issueRecoveryCodes(tx: Tx, by: Actor, staffId: string, at: string): string[] {
  if (codesOnServer(tx)) return [];
  const codes = new Set<string>();
  while (codes.size < recoveryCodeCount) codes.add(recoveryCodeText(randomInt));
  replaceLocalRecoveryCodes(tx, by, staffId, at, [...codes].map(recoveryCodeHash));
  return [...codes];
}

/**
 * Spends a code if it is one of the person's usable ones on this lone desk (the person, `by`, is
 * the actor); returns how many are left, or null.
 */
export function spendRecoveryCode(tx: Tx, by: Actor, staffId: string, code: string, at: string): number | null {
  const rows = tx.all<{ id: string; code_hash: string }>(
    `SELECT id, code_hash FROM recovery_codes WHERE staff_id = ? AND ${usable}`,
    [staffId],
  );
  const found = rows.find((row) => codeMatches(row.code_hash, code));
  if (!found || !spendLocalRecoveryCode(tx, by, found.id, at)) return null;
  return unusedRecoveryCodes(tx, staffId);
}

export function unusedRecoveryCodes(tx: Tx, staffId: string): number {
  return (
    tx.get<{ n: number }>(`SELECT count(*) AS n FROM recovery_codes WHERE staff_id = ? AND ${usable}`, [staffId])?.n ??
    0
  );
}

/**
 * Whether sign-in offers a recovery code: on an enrolled desk always (only the server knows the
 * person's codes, and it counts wrong ones), on a lone desk when one is left.
 */
export function recoveryCodesOffered(tx: Tx, staffId: string): boolean {
  return codesOnServer(tx) || unusedRecoveryCodes(tx, staffId) > 0;
}
