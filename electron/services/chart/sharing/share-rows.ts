import type { ChartShare, ShareConsent } from '../../../../shared/chart/chart-views';
import { recipientSchema, shareScopes, type Recipient } from '../../../../shared/chart/sharing';
import { AppError } from '../../../../shared/errors/app-error';
import type { ReadTx } from '../../../store/open-store';
import type { StaffNames } from '../chart-row';

/** A `share_consents` row as the desk stores it (recipient and entry ids as JSON text). */
export interface ConsentRow {
  id: string;
  patient_id: string;
  recipient: string;
  scope: string;
  entry_ids: string | null;
  valid_until: string | null;
  given_at: string;
  given_via: string;
  given_by: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  revocation_reason: string | null;
}

export interface ShareRow {
  id: string;
  patient_id: string;
  consent_id: string;
  entry_ids: string;
  shared_at: string;
  shared_by: string | null;
}

function parsed(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function idsOf(text: string | null): string[] {
  const value = parsed(text);
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

const unknownRecipient: Recipient = { name: '', organisation: '', specialty: '', email: 'unknown@invalid' };

export function recipientOf(row: ConsentRow): Recipient {
  const recipient = recipientSchema.safeParse(parsed(row.recipient));
  return recipient.success ? recipient.data : unknownRecipient;
}

export function consentRow(tx: ReadTx, id: string): ConsentRow | undefined {
  return tx.get<ConsentRow>('SELECT * FROM share_consents WHERE id = ?', [id]);
}

export function requireConsent(tx: ReadTx, id: string, field: string): ConsentRow {
  const row = consentRow(tx, id);
  if (!row) throw new AppError('chart.share.consent_not_found', { field });
  return row;
}

export function toConsentView(row: ConsentRow): ShareConsent {
  return {
    id: row.id,
    patientId: row.patient_id,
    recipient: recipientOf(row),
    scope: shareScopes.find((scope) => scope === row.scope) ?? 'entries',
    entryIds: idsOf(row.entry_ids),
    validUntil: row.valid_until,
    givenAt: row.given_at,
    givenVia: row.given_via === 'cabinet' ? 'cabinet' : 'desk',
    revokedAt: row.revoked_at,
    revocationReason: row.revocation_reason,
  };
}

export function toShareView(row: ShareRow, consent: ConsentRow | undefined, names: StaffNames): ChartShare {
  return {
    id: row.id,
    consentId: row.consent_id,
    recipient: consent ? recipientOf(consent) : unknownRecipient,
    entryIds: idsOf(row.entry_ids),
    sharedAt: row.shared_at,
    sharedBy: row.shared_by === null ? null : { id: row.shared_by, name: names.get(row.shared_by) ?? '' },
  };
}
