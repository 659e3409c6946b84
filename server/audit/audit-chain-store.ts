import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import {
  auditGenesisHash,
  auditHashedText,
  type AuditAnchorResponse,
  type AuditChainEvent,
  type AuditChainPoint,
  type AuditPushResponse,
} from '../../shared/audit/audit-chain';
import { canonicalJson } from '../../shared/canonical-json';
import { toNumber } from '../db/values';
import { HttpError } from '../http/http-error';

/** The device a chain belongs to: the enrolled device that pushed it, and its clinic. */
export interface ChainOwner {
  deviceId: string;
  clinicId: string;
}

function chainHash(event: Omit<AuditChainEvent, 'hash'>): string {
  return createHash('sha256').update(event.prevHash).update(auditHashedText(event)).digest('hex');
}

async function pointAt(db: Knex, deviceId: string, seq: number | 'head'): Promise<AuditChainPoint | null> {
  const query = db('audit_events').where({ device_id: deviceId });
  const row = await (seq === 'head' ? query.orderBy('seq', 'desc') : query.where({ seq })).first<
    { seq: unknown; hash: string } | undefined
  >('seq', 'hash');
  return row ? { seq: toNumber(row.seq), hash: row.hash } : null;
}

/**
 * Appends a batch of one desk's chain, in one transaction, or refuses all of it. Each event must
 * continue the stored head exactly — the next seq (else `audit.chain.gap`), the head's hash as its
 * previous hash (else `audit.chain.fork`) — and hash to what it says (`audit.chain.bad_hash`, the
 * server recomputes it). An event the server already holds is skipped when it is the same event
 * (a retried push) and refused as a fork when it is not (a chain rewritten after it was anchored).
 * Two pushes of one device racing for the same seq: the unique (device, seq) key lets one win;
 * the other fails and its desk retries from the new head.
 */
export async function appendChain(db: Knex, owner: ChainOwner, events: AuditChainEvent[], now: Date) {
  return db.transaction(async (trx): Promise<AuditPushResponse> => {
    let head = await pointAt(trx, owner.deviceId, 'head');
    let stored = 0;
    for (const event of events) {
      const headSeq = head?.seq ?? 0;
      if (event.seq <= headSeq) {
        const held = await pointAt(trx, owner.deviceId, event.seq);
        if (held?.hash !== event.hash) throw new HttpError(409, 'audit.chain.fork', { params: { seq: event.seq } });
        continue;
      }
      if (event.seq !== headSeq + 1) {
        throw new HttpError(409, 'audit.chain.gap', { params: { seq: event.seq, expected: headSeq + 1 } });
      }
      if (event.prevHash !== (head?.hash ?? auditGenesisHash)) {
        throw new HttpError(409, 'audit.chain.fork', { params: { seq: event.seq } });
      }
      if (chainHash(event) !== event.hash) {
        throw new HttpError(422, 'audit.chain.bad_hash', { params: { seq: event.seq } });
      }
      await trx('audit_events').insert({
        clinic_id: owner.clinicId,
        device_id: owner.deviceId,
        seq: event.seq,
        event_id: event.id,
        at: event.at,
        actor_id: event.actorId,
        actor_role: event.actorRole,
        desk_id: event.deviceId,
        action: event.action,
        patient_id: event.patientId,
        details: canonicalJson(event.details),
        prev_hash: event.prevHash,
        hash: event.hash,
        received_at: now,
      });
      head = { seq: event.seq, hash: event.hash };
      stored += 1;
    }
    if (!head) throw new HttpError(400, 'api.bad_request', { field: 'events' });
    return { head, stored };
  });
}

/** The server's copy of a device's chain as the desk checks against it: the head, and one seq. */
export async function chainAnchor(db: Knex, deviceId: string, seq: number | undefined): Promise<AuditAnchorResponse> {
  const [head, at] = await Promise.all([
    pointAt(db, deviceId, 'head'),
    seq === undefined ? Promise.resolve(null) : pointAt(db, deviceId, seq),
  ]);
  return { head, at };
}
