import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { auditGenesisHash, auditHashedText, type AuditChainEvent } from '../../../shared/audit/audit-chain';
import { toNumber } from '../../db/values';
import { appendChain } from '../../audit/audit-chain-store';

/**
 * The cabinet's reads of the chart in the server's audit store (`audit_events`, F1): the same
 * store the desks anchor their chains in, so the clinic's auditor — and the patient's "who opened
 * my card" (issue 14), which reads it by `patient_id` — sees the patient's own reads beside the
 * doctors'. A chain there belongs to a device; the cabinet's is one per clinic, named for it,
 * revoked at birth and with a key that is no key (it can never sign a request). Its events are
 * hashed exactly as a desk's (shared/audit/audit-chain.ts) and appended by `appendChain`, which
 * checks each continues the head; concurrent reads take turns on a transaction-scoped lock.
 */
const cabinetDeviceName = 'Личный кабинет пациента (сервер)';
const cabinetMarker = (clinicId: string) => `cabinet:${clinicId}`;

export interface CabinetRead {
  clinicId: string;
  accountId: string;
  patientId: string;
  /** The read's name, as the desk's (`chart.history`, `chart.entry`, …). */
  action: string;
  /** Who acted: the account (the default), or `server` for the server's own step (`accountId` then says so). */
  actorRole?: 'patient' | 'server';
  details: Record<string, unknown>;
}

async function cabinetDevice(trx: Knex.Transaction, clinicId: string, now: Date): Promise<string> {
  const marker = cabinetMarker(clinicId);
  const found = await trx('devices').where({ public_key: marker }).first<{ id: string } | undefined>('id');
  if (found) return found.id;
  const id = randomUUID();
  await trx('devices').insert({
    id,
    clinic_id: clinicId,
    name: cabinetDeviceName,
    public_key: marker,
    enrolled_at: now,
    revoked_at: now,
  });
  return id;
}

/** Appends one read by the account to its clinic's cabinet chain; returns when it is stored. */
export async function recordCabinetRead(db: Knex, read: CabinetRead, now: Date): Promise<void> {
  await db.transaction(async (trx) => {
    // One appender per clinic at a time (a lock of its own, not the change log's).
    const key = Number.parseInt(
      createHash('sha256').update(cabinetMarker(read.clinicId)).digest('hex').slice(0, 8),
      16,
    );
    await trx.raw('SELECT pg_advisory_xact_lock(?, ?)', [0x63616264, key | 0]);
    const deviceId = await cabinetDevice(trx, read.clinicId, now);
    const head = await trx('audit_events')
      .where({ device_id: deviceId })
      .orderBy('seq', 'desc')
      .first<{ seq: unknown; hash: string } | undefined>('seq', 'hash');
    const unhashed: Omit<AuditChainEvent, 'prevHash' | 'hash'> = {
      seq: toNumber(head?.seq ?? 0) + 1,
      id: randomUUID(),
      at: now.toISOString(),
      actorId: read.accountId,
      actorRole: read.actorRole ?? 'patient',
      deviceId,
      action: read.action,
      patientId: read.patientId,
      details: read.details,
    };
    const prevHash = head?.hash ?? auditGenesisHash;
    const hash = createHash('sha256').update(prevHash).update(auditHashedText(unhashed)).digest('hex');
    await appendChain(trx, { deviceId, clinicId: read.clinicId }, [{ ...unhashed, prevHash, hash }], now);
  });
}
