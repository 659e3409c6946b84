import { createHash } from 'node:crypto';
import type { Actor } from './actor';
import { canonicalJson } from '../../shared/canonical-json';
import { newId } from './ids';
import type { ReadTx, Tx } from './open-store';
import { rawTx } from './raw-tx';

const genesis = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  patientId?: string | null;
  details?: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor_id: string;
  actor_role: string;
  device_id: string;
  action: string;
  patient_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

function eventHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  const event = {
    seq: row.seq,
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    deviceId: row.device_id,
    action: row.action,
    patientId: row.patient_id,
    details: JSON.parse(row.details) as unknown,
  };
  return createHash('sha256').update(prevHash).update(canonicalJson(event)).digest('hex');
}

/**
 * Appends one event to the hash chain (F1), inside the caller's transaction so that the event
 * exists exactly when the access it records does.
 */
export function appendAudit(tx: Tx, actor: Actor, at: string, entry: AuditEntry): void {
  const head = tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  const row = {
    seq: (head?.seq ?? 0) + 1,
    id: newId(),
    at,
    actor_id: actor.staffId,
    actor_role: actor.role,
    device_id: actor.deviceId,
    action: entry.action,
    patient_id: entry.patientId ?? null,
    details: canonicalJson(entry.details ?? {}),
  };
  const prevHash = head?.hash ?? genesis;
  rawTx(tx).run(
    `INSERT INTO audit_events (seq, id, at, actor_id, actor_role, device_id, action, patient_id, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.seq,
      row.id,
      row.at,
      row.actor_id,
      row.actor_role,
      row.device_id,
      row.action,
      row.patient_id,
      row.details,
      prevHash,
      eventHash(prevHash, row),
    ],
  );
}

export type ChainVerdict =
  | { ok: true; events: number; headHash: string }
  | { ok: false; events: number; broken: { seq: number; id: string; reason: 'hash' | 'link' | 'sequence' } };

/** Recomputes the whole chain; reports the first event that does not fit. */
export function verifyAuditChain(tx: ReadTx): ChainVerdict {
  let prevHash = genesis;
  let expectedSeq = 1;
  let events = 0;
  for (const row of tx.iterate<AuditRow>('SELECT * FROM audit_events ORDER BY seq')) {
    const broken = (reason: 'hash' | 'link' | 'sequence') => ({
      ok: false as const,
      events,
      broken: { seq: row.seq, id: row.id, reason },
    });
    if (row.seq !== expectedSeq) return broken('sequence');
    if (row.prev_hash !== prevHash) return broken('link');
    if (eventHash(row.prev_hash, row) !== row.hash) return broken('hash');
    prevHash = row.hash;
    expectedSeq += 1;
    events += 1;
  }
  return { ok: true, events, headHash: prevHash };
}
