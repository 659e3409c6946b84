import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { readProvenSessions } from '../store/local-writers/proven-sessions';
import type { Store, Tx } from '../store/open-store';
import { countPushAttempts, markOutboxEntryRefused, settleOutboxEntry } from '../store/sync-writers/outbox-results';
import type { BlobSync } from './blob-sync';
import type { SyncTransport } from './sync-transport';

interface OutboxRow {
  mutation_id: string;
  table_name: string;
  row_id: string;
  base_version: number;
  changed: string;
  actor_id: string;
  created_at: string;
  session_id: string | null;
  signature: string | null;
}

export interface PushReport {
  applied: number;
  conflicts: number;
  refused: number;
}

const batchSize = 200;

/**
 * Sends pending outbox entries in order. An entry leaves the outbox only once the server has
 * answered for it (applied, or recorded as a conflict); a refused one stays, marked, for staff.
 * A lost answer is harmless: the retry carries the same mutation id and the server replays its
 * stored result. Each entry goes with the session that signed it (its statement and proof,
 * `proven_sessions`). The files rows name (scans) go up first, so no desk ever pulls a row whose
 * file the server does not have.
 */
export async function pushOutbox(store: Store, transport: SyncTransport, blobs?: BlobSync): Promise<PushReport> {
  const report: PushReport = { applied: 0, conflicts: 0, refused: 0 };
  for (;;) {
    const rows = store.transaction((tx) =>
      tx.all<OutboxRow>(
        `SELECT mutation_id, table_name, row_id, base_version, changed, actor_id, created_at, session_id, signature
           FROM sync_outbox WHERE status = 'pending' ORDER BY seq LIMIT ${batchSize}`,
      ),
    );
    if (rows.length === 0) return report;
    const mutations: Mutation[] = rows.map((row) => ({
      mutationId: row.mutation_id,
      table: row.table_name,
      rowId: row.row_id,
      baseVersion: row.base_version,
      changed: JSON.parse(row.changed) as Mutation['changed'],
      actorId: row.actor_id,
      at: row.created_at,
      ...(row.session_id !== null && row.signature !== null
        ? { sessionId: row.session_id, signature: row.signature }
        : {}),
    }));
    // The proven sessions the entries name, once each: the server checks who made every entry.
    const sessionIds = [...new Set(rows.flatMap((row) => (row.session_id === null ? [] : [row.session_id])))];
    const sessions = store.transaction((tx) => readProvenSessions(tx, sessionIds));
    store.transaction((tx) =>
      countPushAttempts(
        tx,
        rows.map((row) => row.mutation_id),
      ),
    );
    await blobs?.uploadFor(mutations);
    const results = await transport.push(mutations, sessions);
    store.transaction((tx) => {
      for (const result of results) record(tx, result, report);
    });
    if (results.length < rows.length) return report;
  }
}

function record(tx: Tx, result: MutationResult, report: PushReport): void {
  switch (result.status) {
    case 'applied':
      report.applied += 1;
      settleOutboxEntry(tx, result.mutationId);
      return;
    case 'conflict':
      // The server kept the merged fields and recorded the rest as conflicts, which arrive by pull.
      report.conflicts += 1;
      settleOutboxEntry(tx, result.mutationId);
      return;
    case 'refused':
      report.refused += 1;
      markOutboxEntryRefused(tx, result.mutationId, result.code, result.field ?? null);
  }
}
