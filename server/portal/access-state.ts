import type { Knex } from 'knex';
import { consentState, type ConsentRecord, type ConsentStateReason } from '../../shared/domain/consent';
import { identityConfirmed, type OnlineIdentityStatus } from '../../shared/domain/online-identity';
import { toRecord } from '../db/values';
import { HttpError } from '../http/http-error';
import { findOnlineIdentity, noAttempts, patientExists } from './online-identity-row';

export interface AccessState {
  patientId: string;
  /** The portal may show this patient their records: identity confirmed and consent in force. */
  allowed: boolean;
  identity: { status: OnlineIdentityStatus; confirmed: boolean; failedAttempts: number; lockedAt: string | null };
  consent: { valid: boolean; reason: ConsentStateReason };
}

/** The patient's consents as the desks synced them (table `consents`, B8). */
async function consentsOf(db: Knex, patientId: string, clinicId: string): Promise<ConsentRecord[]> {
  const rows = await db('records')
    .where({ table_name: 'consents', clinic_id: clinicId })
    .whereRaw("data->>'patient_id' = ?", [patientId])
    .select<{ data: unknown }[]>('data');
  const records: ConsentRecord[] = [];
  for (const row of rows) {
    const data = toRecord(row.data);
    if (typeof data.accepted_at !== 'string' || typeof data.text_version !== 'string') continue;
    records.push({
      patientId,
      textVersion: data.text_version,
      acceptedAt: data.accepted_at,
      withdrawnAt: typeof data.withdrawn_at === 'string' ? data.withdrawn_at : null,
    });
  }
  return records;
}

/**
 * Whether online access is allowed (B6, B8): the patient's identity is confirmed — online or in
 * person at the desk — and a consent to processing is in force now. This answer is all the portal
 * gets until both hold: no patient data leaves the server otherwise. Only the portal's clinic's
 * patients are known to it.
 */
export async function accessState(db: Knex, patientId: string, now: Date, clinicId: string): Promise<AccessState> {
  if (!(await patientExists(db, patientId, clinicId))) {
    await db('portal_access_checks').insert({
      clinic_id: clinicId,
      patient_id: patientId,
      allowed: false,
      identity_status: null,
      consent_reason: null,
      at: now,
    });
    throw new HttpError(404, 'portal.patient_unknown', { field: 'patientId', params: { id: patientId } });
  }
  const [identity, consents] = await Promise.all([
    findOnlineIdentity(db, patientId, clinicId),
    consentsOf(db, patientId, clinicId),
  ]);
  const counters = identity?.counters ?? noAttempts;
  const consent = consentState(consents, now.toISOString());
  const confirmed = identityConfirmed(counters.status);
  const allowed = confirmed && consent.valid;
  await db('portal_access_checks').insert({
    clinic_id: clinicId,
    patient_id: patientId,
    allowed,
    identity_status: counters.status,
    consent_reason: consent.reason,
    at: now,
  });
  return {
    patientId,
    allowed,
    identity: {
      status: counters.status,
      confirmed,
      failedAttempts: counters.failedAttempts,
      lockedAt: counters.lockedAt,
    },
    consent: { valid: consent.valid, reason: consent.reason },
  };
}
