import { provenSessionSchema, type ProvenSession } from '../../../shared/sync/session-proof';
import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';

/**
 * Per-desk writer: the statements of sessions opened here and what vouches for each (public; the
 * session keys stay in memory), for the sync worker to send with the entries they signed.
 */
export function recordProvenSession(tx: Tx, proven: ProvenSession, at: string): void {
  rawTx(tx).run(
    `INSERT INTO proven_sessions (session_id, staff_id, statement, proof, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (session_id) DO NOTHING`,
    [
      proven.statement.sessionId,
      proven.statement.staffId,
      JSON.stringify(proven.statement),
      JSON.stringify(proven.proof),
      at,
    ],
  );
}

/** The stored sessions with these ids (those the pending outbox entries name). */
export function readProvenSessions(tx: Tx, sessionIds: readonly string[]): ProvenSession[] {
  if (sessionIds.length === 0) return [];
  const rows = tx.all<{ statement: string; proof: string }>(
    `SELECT statement, proof FROM proven_sessions WHERE session_id IN (${sessionIds.map(() => '?').join(', ')})`,
    [...sessionIds],
  );
  return rows.map((row) =>
    provenSessionSchema.parse({
      statement: JSON.parse(row.statement) as unknown,
      proof: JSON.parse(row.proof) as unknown,
    }),
  );
}
