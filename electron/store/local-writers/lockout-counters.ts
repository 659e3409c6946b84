import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';

/**
 * Per-desk writer: the lockout counters (A3). They stay on the desk where the wrong password was
 * typed; a pulled staff row never carries them (`sync-writers/server-changes.ts`).
 */
export interface FailureColumns {
  failedAttempts: number;
  lastFailedAt: string | null;
  lockedUntil: string | null;
}

export function writeStaffFailures(tx: Tx, staffId: string, state: FailureColumns): void {
  rawTx(tx).run('UPDATE staff SET failed_attempts = ?, last_failed_at = ?, locked_until = ? WHERE id = ?', [
    state.failedAttempts,
    state.lastFailedAt,
    state.lockedUntil,
    staffId,
  ]);
}

/**
 * The counter of a login nobody has. Rows that stopped counting (last failure before
 * `staleBefore` and no lock running at `now`) are pruned on the way.
 */
export function writeUnknownLoginFailures(
  tx: Tx,
  digest: string,
  state: FailureColumns,
  staleBefore: string,
  now: string,
): void {
  const raw = rawTx(tx);
  raw.run('DELETE FROM auth_unknown_logins WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?)', [
    staleBefore,
    now,
  ]);
  raw.run(
    `INSERT INTO auth_unknown_logins (login_digest, failed_attempts, last_failed_at, locked_until) VALUES (?, ?, ?, ?)
     ON CONFLICT (login_digest) DO UPDATE SET failed_attempts = excluded.failed_attempts,
       last_failed_at = excluded.last_failed_at, locked_until = excluded.locked_until`,
    [digest, state.failedAttempts, state.lastFailedAt ?? now, state.lockedUntil],
  );
}

export function clearStaffFailures(tx: Tx, staffId: string): void {
  rawTx(tx).run('UPDATE staff SET failed_attempts = 0, last_failed_at = NULL, locked_until = NULL WHERE id = ?', [
    staffId,
  ]);
}

/** Failures counted against a login while nobody had it. */
export function forgetUnknownLogin(tx: Tx, digest: string): void {
  rawTx(tx).run('DELETE FROM auth_unknown_logins WHERE login_digest = ?', [digest]);
}
