import type { Knex } from 'knex';
import { recipientSchema, shareScopes, type Recipient } from '../../../shared/chart/sharing';
import type { ErrorCode } from '../../../shared/errors/catalog';
import { moscowDay } from '../../../shared/domain/application-deadline';
import { toRecord } from '../../db/values';

/**
 * A consent to share as the server holds it (`records`, table `share_consents`), and the one
 * question both the desks' pushes and the cabinet ask of it: is it in force for these entries?
 * The server answers from its own rows, whatever a desk believed when it sent.
 */
export interface HeldConsent {
  id: string;
  patientId: string;
  recipient: Recipient | null;
  scope: (typeof shareScopes)[number] | null;
  entryIds: string[];
  validUntil: string | null;
  revokedAt: string | null;
}

/** A JSON list of ids (`entry_ids`) as an array; [] when absent or broken. */
export function shareEntryIds(value: unknown): string[] {
  const parsed: unknown = typeof value === 'string' ? safeJson(value) : value;
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export function heldConsent(id: string, data: Record<string, unknown>): HeldConsent {
  const recipient = recipientSchema.safeParse(
    typeof data.recipient === 'string' ? safeJson(data.recipient) : data.recipient,
  );
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return {
    id,
    patientId: String(data.patient_id ?? ''),
    recipient: recipient.success ? recipient.data : null,
    scope: shareScopes.find((scope) => scope === data.scope) ?? null,
    entryIds: shareEntryIds(data.entry_ids),
    validUntil: text(data.valid_until),
    revokedAt: text(data.revoked_at),
  };
}

export async function consentById(db: Knex, clinicId: string, id: string): Promise<HeldConsent | undefined> {
  const row = await db('records')
    .where({ table_name: 'share_consents', clinic_id: clinicId, id })
    .first<{ id: string; data: unknown } | undefined>('id', 'data');
  return row ? heldConsent(row.id, toRecord(row.data)) : undefined;
}

export type ShareProblem = { code: ErrorCode; field: string; params: Record<string, string> };

/**
 * Why `entryIds` of `patientId` may not be sent under `consent` at `now`, or null: the consent
 * must be the patient's, not revoked, not past its last day (Moscow), and cover every entry —
 * each a live (not removed) entry of the patient's chart in the clinic, and named by the consent unless it covers
 * the whole record.
 */
export async function shareProblem(
  db: Knex,
  clinicId: string,
  consent: HeldConsent | undefined,
  patientId: string,
  entryIds: readonly string[],
  now: Date,
): Promise<ShareProblem | null> {
  if (!consent || consent.patientId !== patientId || consent.recipient === null)
    return { code: 'chart.share.consent_not_found', field: 'consent_id', params: {} };
  if (consent.revokedAt !== null)
    return { code: 'chart.share.consent_revoked', field: 'consent_id', params: { revokedAt: consent.revokedAt } };
  if (consent.validUntil !== null && consent.validUntil < moscowDay(now))
    return { code: 'chart.share.consent_expired', field: 'consent_id', params: { validUntil: consent.validUntil } };
  if (entryIds.length === 0)
    return { code: 'chart.share.consent_invalid', field: 'entry_ids', params: { reason: 'entry_ids' } };
  const named = new Set(consent.entryIds);
  const outside = entryIds.find((id) => consent.scope !== 'whole_record' && !named.has(id));
  if (outside !== undefined)
    return { code: 'chart.share.out_of_scope', field: 'entry_ids', params: { entryId: outside } };
  const found = await db('records')
    .where({ table_name: 'chart_entries', clinic_id: clinicId })
    .whereIn('id', [...entryIds])
    .whereRaw("data->>'patient_id' = ?", [patientId])
    .whereRaw("coalesce(data->>'deleted_at', '') = ''")
    .select<{ id: string }[]>('id');
  const ours = new Set(found.map((row) => row.id));
  const stranger = entryIds.find((id) => !ours.has(id));
  return stranger === undefined
    ? null
    : { code: 'chart.share.out_of_scope', field: 'entry_ids', params: { entryId: stranger } };
}
