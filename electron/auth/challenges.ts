import { randomBytes } from 'node:crypto';
import { newId } from '../store/ids';
import { insertChallenge, markChallengeUsed } from '../store/local-writers/auth-challenges';
import type { Tx } from '../store/open-store';

export type ChallengePurpose = 'register' | 'sign-in' | 'unlock';

/** Two minutes: enough to find the key and touch it, too short to carry a challenge elsewhere. */
export const challengeLifetimeMs = 2 * 60_000;

export interface IssuedChallenge {
  /** The step's id, which the UI hands back with the key's answer. */
  id: string;
  /** 32 random bytes, base64url: what the key signs. */
  challenge: string;
  expiresAt: string;
}

/**
 * A new single-use challenge; expired ones older than a day are cleared on the way. `given`: the
 * id and challenge of a sign-in attempt whose key signs its session statement (session-keys.ts)
 * instead of 32 random bytes.
 */
export function issueChallenge(
  tx: Tx,
  staffId: string | null,
  purpose: ChallengePurpose,
  now: Date,
  given?: { id: string; challenge: string },
): IssuedChallenge {
  const at = now.toISOString();
  const issued = {
    id: given?.id ?? newId(),
    challenge: given?.challenge ?? randomBytes(32).toString('base64url'),
    expiresAt: new Date(now.getTime() + challengeLifetimeMs).toISOString(),
  };
  const pruneBefore = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  insertChallenge(
    tx,
    { id: issued.id, staffId, purpose, challenge: issued.challenge, createdAt: at, expiresAt: issued.expiresAt },
    pruneBefore,
  );
  return issued;
}

export type ConsumedChallenge =
  | { ok: true; staffId: string | null; challenge: string }
  | { ok: false; reason: 'challenge_unknown' | 'challenge_used' | 'challenge_expired'; staffId: string | null };

/**
 * Takes a challenge for its one use. It is spent by the first answer, right or wrong, before
 * the answer is checked: a second answer (a replay, or a race with the first) finds it used.
 */
export function consumeChallenge(tx: Tx, id: string, purpose: ChallengePurpose, now: Date): ConsumedChallenge {
  const row = tx.get<{ staff_id: string | null; challenge: string; expires_at: string; used_at: string | null }>(
    'SELECT staff_id, challenge, expires_at, used_at FROM auth_challenges WHERE id = ? AND purpose = ?',
    [id, purpose],
  );
  if (!row) return { ok: false, reason: 'challenge_unknown', staffId: null };
  if (row.used_at !== null) return { ok: false, reason: 'challenge_used', staffId: row.staff_id };
  markChallengeUsed(tx, id, now.toISOString());
  if (row.expires_at <= now.toISOString()) return { ok: false, reason: 'challenge_expired', staffId: row.staff_id };
  return { ok: true, staffId: row.staff_id, challenge: row.challenge };
}
