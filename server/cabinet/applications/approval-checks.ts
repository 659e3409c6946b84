import type { Knex } from 'knex';
import type { ErrorCode } from '../../../shared/errors/catalog';
import { HttpError } from '../../http/http-error';
import { accessState } from '../../portal/access-state';

/**
 * The checks before an approval (C3), as the server holds the patient's rows: identity confirmed
 * (online or in person) and a consent in force — the portal's own access question
 * (server/portal/access-state.ts) — and an OMS policy confirmed (a current `identity_documents`
 * row of type `oms_policy` whose check said `confirmed`). The first that fails is the refusal.
 */
export async function approvalRefusal(
  trx: Knex,
  patientId: string,
  clinicId: string,
  now: Date,
): Promise<ErrorCode | null> {
  let access;
  try {
    access = await accessState(trx, patientId, now, clinicId);
  } catch (error) {
    if (error instanceof HttpError && error.code === 'portal.patient_unknown') return 'application.patient_unknown';
    throw error;
  }
  if (!access.identity.confirmed) return 'application.check.identity';
  if (!access.consent.valid) return 'application.check.consent';
  return (await policyConfirmed(trx, patientId, clinicId)) ? null : 'application.check.policy';
}

export async function policyConfirmed(db: Knex, patientId: string, clinicId: string): Promise<boolean> {
  const row = await db('records')
    .where({ table_name: 'identity_documents', clinic_id: clinicId })
    .whereRaw("data->>'patient_id' = ?", [patientId])
    .whereRaw("data->>'type' = 'oms_policy'")
    .whereRaw("data->>'policy_status' = 'confirmed'")
    .whereRaw("coalesce(data->>'superseded_at', '') = ''")
    .whereRaw("coalesce(data->>'deleted_at', '') = ''")
    .first<{ id: string } | undefined>('id');
  return row !== undefined;
}
