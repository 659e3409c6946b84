import type { ProxyView } from '../../../shared/api/consent-calls';
import {
  proxyEffectiveEnd,
  proxyStatus,
  recordSections,
  type ProxyBasis,
  type ProxyRelationship,
  type RecordSection,
} from '../../../shared/domain/proxies';
import type { Tx } from '../../store/open-store';

/** A `proxies` row with the patient's birth date (for the age-of-consent end) and staff names. */
export interface ProxyRow {
  id: string;
  patient_id: string;
  patient_birth_date: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birth_date: string;
  phone: string | null;
  relationship: ProxyRelationship;
  basis: ProxyBasis;
  document_number: string | null;
  document_issued_on: string | null;
  document_expires_on: string | null;
  document_issuer: string | null;
  scope: string;
  starts_on: string;
  ends_on: string | null;
  revoked_at: string | null;
  revoked_by_name: string | null;
  revocation_reason: string | null;
  created_at: string;
  created_by_name: string | null;
}

const proxyWithNames = `SELECT x.*, p.birth_date AS patient_birth_date, c.display_name AS created_by_name, r.display_name AS revoked_by_name
  FROM proxies x JOIN patients p ON p.id = x.patient_id LEFT JOIN staff c ON c.id = x.created_by LEFT JOIN staff r ON r.id = x.revoked_by`;

export function proxyById(tx: Tx, id: string): ProxyRow | undefined {
  return tx.get<ProxyRow>(`${proxyWithNames} WHERE x.id = ?`, [id]);
}

/** A patient's trusted persons, the latest first. */
export function proxiesOf(tx: Tx, patientId: string): ProxyRow[] {
  return tx.all<ProxyRow>(`${proxyWithNames} WHERE x.patient_id = ? ORDER BY x.starts_on DESC, x.created_at DESC`, [
    patientId,
  ]);
}

function scopeOf(json: string): RecordSection[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? recordSections.filter((section) => parsed.includes(section)) : [];
}

/** The view of a row on the ISO day `today`: its effective end and status. */
export function toProxyView(row: ProxyRow, today: string): ProxyView {
  const period = {
    basis: row.basis,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    documentExpiresOn: row.document_expires_on,
  };
  const end = proxyEffectiveEnd(period, row.patient_birth_date);
  return {
    id: row.id,
    patientId: row.patient_id,
    surname: row.surname,
    name: row.name,
    patronymic: row.patronymic,
    birthDate: row.birth_date,
    phone: row.phone,
    relationship: row.relationship,
    basis: row.basis,
    documentNumber: row.document_number,
    documentIssuedOn: row.document_issued_on,
    documentExpiresOn: row.document_expires_on,
    documentIssuer: row.document_issuer,
    scope: scopeOf(row.scope),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    effectiveEnd: end.lastDay,
    endReason: end.reason,
    status: proxyStatus({ ...period, revokedAt: row.revoked_at }, row.patient_birth_date, today),
    revokedAt: row.revoked_at,
    revokedByName: row.revoked_by_name,
    revocationReason: row.revocation_reason,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
  };
}
