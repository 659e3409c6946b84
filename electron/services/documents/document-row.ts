import { documentComparisonSchema } from '../../../shared/domain/documents/compare';
import { passportValidUntil } from '../../../shared/domain/documents/document-dates';
import type { IdentityDocument } from '../../../shared/domain/documents/document-schema';
import type { DocumentStatus, IdentityDocumentView } from '../../../shared/domain/documents/identity-document';
import type { PolicyRejectionReason, PolicyStatus } from '../../../shared/domain/documents/oms-policy';
import type { FieldValue } from '../../store/record-door';

/** An `identity_documents` row as SQLite returns it, with the holder's birth date and staff names. */
export interface DocumentRow {
  id: string;
  version: number;
  patient_id: string;
  type: IdentityDocumentView['type'];
  form: IdentityDocumentView['form'];
  title: string | null;
  series: string | null;
  number: string;
  issuer: string | null;
  issuer_code: string | null;
  issue_date: string | null;
  expiry_date: string | null;
  insurer_code: string | null;
  policy_status: PolicyStatus | null;
  policy_reason: PolicyRejectionReason | null;
  policy_checked_by: string | null;
  policy_checked_at: string | null;
  superseded_at: string | null;
  replaced_by: string | null;
  update_due: string | null;
  comparison: string | null;
  compared_by: string | null;
  compared_at: string | null;
  deleted_at: string | null;
  created_at: string;
  created_by: string;
  birth_date: string;
  created_by_name: string | null;
  policy_checked_by_name: string | null;
  compared_by_name: string | null;
}

/** Live documents with their holder's birth date and the names of the staff who acted on them. */
export const documentWithNames = `SELECT d.*, p.birth_date, cs.display_name AS created_by_name,
    ps.display_name AS policy_checked_by_name, vs.display_name AS compared_by_name
  FROM identity_documents d JOIN patients p ON p.id = d.patient_id
  LEFT JOIN staff cs ON cs.id = d.created_by LEFT JOIN staff ps ON ps.id = d.policy_checked_by
  LEFT JOIN staff vs ON vs.id = d.compared_by`;

/** The last valid day: a passport's from the holder's age, a SNILS has none, the rest as printed. */
export function rowValidUntil(
  row: Pick<DocumentRow, 'type' | 'issue_date' | 'expiry_date' | 'birth_date'>,
): string | null {
  if (row.type === 'passport') return row.issue_date ? passportValidUntil(row.birth_date, row.issue_date) : null;
  if (row.type === 'snils') return null;
  return row.expiry_date;
}

function statusOf(row: DocumentRow, validUntil: string | null, today: string): DocumentStatus {
  if (row.superseded_at !== null) return 'superseded';
  return validUntil !== null && validUntil < today ? 'expired' : 'active';
}

/** The card's view of a row on `today`; `insurerName` from the insurers dictionary. */
export function toDocumentView(row: DocumentRow, today: string, insurerName: string | null): IdentityDocumentView {
  const validUntil = rowValidUntil(row);
  return {
    id: row.id,
    patientId: row.patient_id,
    type: row.type,
    form: row.form,
    title: row.title,
    series: row.series,
    number: row.number,
    issuer: row.issuer,
    issuerCode: row.issuer_code,
    issueDate: row.issue_date,
    expiryDate: row.expiry_date,
    validUntil,
    status: statusOf(row, validUntil, today),
    insurerCode: row.insurer_code,
    insurerName,
    policyStatus: row.policy_status,
    policyReason: row.policy_reason,
    policyCheckedAt: row.policy_checked_at,
    policyCheckedByName: row.policy_checked_by_name,
    supersededAt: row.superseded_at,
    replacedBy: row.replaced_by,
    updateDue: row.update_due,
    updateOverdue: row.update_due !== null && row.replaced_by === null && row.update_due < today,
    comparison: row.comparison === null ? null : documentComparisonSchema.parse(JSON.parse(row.comparison)),
    comparedAt: row.compared_at,
    comparedByName: row.compared_by_name,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
  };
}

/** The columns a validated document fills; what it lacks stays null. */
export function documentColumns(document: IdentityDocument): Record<string, FieldValue> {
  const columns: Record<string, FieldValue> = {
    type: document.type,
    form: null,
    title: null,
    series: null,
    number: document.number,
    issuer: null,
    issuer_code: null,
    issue_date: document.issueDate,
    expiry_date: null,
    insurer_code: null,
    policy_status: null,
  };
  switch (document.type) {
    case 'passport':
      return { ...columns, series: document.series, issuer: document.issuer, issuer_code: document.issuerCode };
    case 'driving_licence':
      return { ...columns, expiry_date: document.expiryDate };
    case 'snils':
      return columns;
    case 'oms_policy':
      return {
        ...columns,
        form: document.form,
        series: document.form === 'old' ? document.series : null,
        expiry_date: document.expiryDate,
        insurer_code: document.insurerCode,
        policy_status: 'unchecked',
      };
    case 'other_photo_id':
      return {
        ...columns,
        title: document.title,
        series: document.series,
        issuer: document.issuer,
        expiry_date: document.expiryDate,
      };
  }
}
