import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';

/** Per-desk writer: sign-in challenges, which live minutes on the desk that issued them. */
export interface ChallengeRow {
  id: string;
  staffId: string | null;
  purpose: string;
  challenge: string;
  createdAt: string;
  expiresAt: string;
}

/** Adds a challenge, clearing those that expired before `pruneBefore`. */
export function insertChallenge(tx: Tx, row: ChallengeRow, pruneBefore: string): void {
  const raw = rawTx(tx);
  raw.run('DELETE FROM auth_challenges WHERE expires_at < ?', [pruneBefore]);
  raw.run(
    'INSERT INTO auth_challenges (id, staff_id, purpose, challenge, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    [row.id, row.staffId, row.purpose, row.challenge, row.createdAt, row.expiresAt],
  );
}

export function markChallengeUsed(tx: Tx, id: string, at: string): void {
  rawTx(tx).run('UPDATE auth_challenges SET used_at = ? WHERE id = ?', [at, id]);
}
