import { createHash } from 'node:crypto';
import { auditGenesisHash, auditHashedText, type AuditChainEvent } from '../../shared/audit/audit-chain';
import type { Actor } from './actor';
import { canonicalJson } from '../../shared/canonical-json';
import { newId } from './ids';
import type { ReadTx, Tx } from './open-store';
import { rawTx } from './raw-tx';

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

/** A stored event in the shape the chain travels in (shared/audit/audit-chain.ts). */
function toChainEvent(row: AuditRow): AuditChainEvent {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    deviceId: row.device_id,
    action: row.action,
    patientId: row.patient_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function eventHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  const event = toChainEvent({ ...row, prev_hash: prevHash, hash: '' });
  return createHash('sha256').update(prevHash).update(auditHashedText(event)).digest('hex');
}

function insertEvent(tx: Tx, actor: Actor, at: string, entry: AuditEntry, id: string = newId()): void {
  const head = tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  const row = {
    seq: (head?.seq ?? 0) + 1,
    id,
    at,
    actor_id: actor.staffId,
    actor_role: actor.role,
    device_id: actor.deviceId,
    action: entry.action,
    patient_id: entry.patientId ?? null,
    details: canonicalJson(entry.details ?? {}),
  };
  const prevHash = head?.hash ?? auditGenesisHash;
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

/**
 * Reads of patient data are committed in groups (issue 10, item 3: the audited read was a write
 * transaction of its own, the whole cost of an encrypted search). The durability rule: a read's
 * event is committed, in the order the reads happened, at the latest
 * - with the next event this connection writes (a change, a sign-in, an alert), in its transaction;
 * - in the transaction of the read that makes `readGroupSize` reads wait;
 * - `readGroupDelayMs` after the first waiting read, in a transaction of its own;
 * - when the store closes.
 * A transaction that carried waiting reads and then rolled back gives them back to wait again.
 * What a crash of the process loses: the events of the reads of its last `readGroupDelayMs` (at
 * most `readGroupSize` of them) — reads only, never a change (its event commits with it) nor a
 * sign-in. A power cut may lose as much already under SQLite's `synchronous = NORMAL`.
 */
export const readGroupDelayMs = 50;
export const readGroupSize = 32;

interface WaitingRead {
  id: string;
  actor: Actor;
  at: string;
  entry: AuditEntry;
}

interface ReadGroup {
  waiting: WaitingRead[];
  /** Written into a transaction that has not finished yet. */
  carried: WaitingRead[];
  timer: NodeJS.Timeout | undefined;
}

/** Per store connection (its one write handle): the reads waiting, and how to commit them alone. */
const groups = new WeakMap<Tx, ReadGroup>();
const committers = new WeakMap<Tx, (write: (tx: Tx) => void) => void>();

/**
 * Lets the store commit waiting reads on its own (the timer, the close): `inTransaction` runs
 * a write in one IMMEDIATE transaction of this connection. Without it, reads commit at once.
 */
export function enableReadGroups(tx: Tx, inTransaction: (write: (tx: Tx) => void) => void): void {
  committers.set(tx, inTransaction);
  groups.set(tx, { waiting: [], carried: [], timer: undefined });
}

/**
 * Once the transaction that carried waiting reads is over (transactions are synchronous, so a
 * microtask runs after it), keeps them if it committed and gives them back if it rolled back.
 */
function settleCarried(tx: Tx, group: ReadGroup): void {
  const lost = group.carried.splice(0).filter((read) => !tx.get('SELECT 1 FROM audit_events WHERE id = ?', [read.id]));
  if (lost.length === 0) return;
  group.waiting.unshift(...lost);
  group.timer ??= setTimeout(() => flushWaitingReads(tx), readGroupDelayMs);
}

/** Writes the waiting reads' events into `tx`, oldest first (the audit screen calls it before it reads). */
export function commitWaitingReads(tx: Tx): void {
  const group = groups.get(tx);
  if (!group || group.waiting.length === 0) return;
  clearTimeout(group.timer);
  group.timer = undefined;
  const waiting = group.waiting.splice(0);
  for (const read of waiting) insertEvent(tx, read.actor, read.at, read.entry, read.id);
  if (group.carried.length === 0) queueMicrotask(() => settleCarried(tx, group));
  group.carried.push(...waiting);
}

/** Commits the waiting reads in a transaction of their own (the timer's and the close's work). */
export function flushWaitingReads(tx: Tx): void {
  const commit = committers.get(tx);
  if (commit && groups.get(tx)?.waiting.length) commit(commitWaitingReads);
}

/**
 * Records a read of patient data by the rule above. Its place in the chain is taken when it
 * commits; `at` is when it happened.
 */
export function appendReadAudit(tx: Tx, actor: Actor, at: string, entry: AuditEntry): void {
  const group = groups.get(tx);
  if (!group) return appendAudit(tx, actor, at, entry);
  group.waiting.push({ id: newId(), actor, at, entry });
  if (group.waiting.length >= readGroupSize) return commitWaitingReads(tx);
  group.timer ??= setTimeout(() => flushWaitingReads(tx), readGroupDelayMs);
}

/**
 * Appends one event to the hash chain (F1), inside the caller's transaction so that the event
 * exists exactly when the access it records does. Reads waiting to commit go first.
 */
export function appendAudit(tx: Tx, actor: Actor, at: string, entry: AuditEntry): void {
  commitWaitingReads(tx);
  insertEvent(tx, actor, at, entry);
}

export type ChainVerdict =
  | { ok: true; events: number; headHash: string }
  | { ok: false; events: number; broken: { seq: number; id: string; reason: 'hash' | 'link' | 'sequence' } };

/** Recomputes the whole chain; reports the first event that does not fit. */
export function verifyAuditChain(tx: ReadTx): ChainVerdict {
  let prevHash = auditGenesisHash;
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

/** The chain after `afterSeq`, in order, as it is pushed to the server. */
export function chainEventsAfter(tx: ReadTx, afterSeq: number, limit: number): AuditChainEvent[] {
  return tx
    .all<AuditRow>('SELECT * FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?', [afterSeq, limit])
    .map(toChainEvent);
}

/** This desk's head, and the stored hash at `seq` (what is compared with the server's copy). */
export function chainPoint(tx: ReadTx, seq: number | 'head'): { seq: number; hash: string } | undefined {
  return seq === 'head'
    ? tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1')
    : tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events WHERE seq = ?', [seq]);
}

/** Whether the append-only triggers are still there (dropping them is how an insider edits the log). */
export function auditTriggersInPlace(tx: ReadTx): boolean {
  const found = tx.get<{ n: number }>(
    `SELECT count(*) AS n FROM sqlite_master
      WHERE type = 'trigger' AND tbl_name = 'audit_events' AND name IN ('audit_events_no_update', 'audit_events_no_delete')`,
  );
  return found?.n === 2;
}
