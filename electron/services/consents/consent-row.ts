import type { ConsentMethod, ConsentView } from '../../../shared/api/consent-calls';
import type { Tx } from '../../store/open-store';

/** A `consents` row with the names of who accepted and withdrew it, as this desk knows them. */
export interface ConsentRow {
  id: string;
  patient_id: string;
  text_version: string;
  text_sha256: string;
  method: ConsentMethod;
  signature_sha256: string | null;
  scan_id: string | null;
  accepted_at: string;
  accepted_by: string;
  accepted_by_name: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_by_name: string | null;
  withdrawal_reason: string | null;
}

const consentWithNames = `SELECT c.*, a.display_name AS accepted_by_name, w.display_name AS withdrawn_by_name
  FROM consents c LEFT JOIN staff a ON a.id = c.accepted_by LEFT JOIN staff w ON w.id = c.withdrawn_by`;

export function consentById(tx: Tx, id: string): ConsentRow | undefined {
  return tx.get<ConsentRow>(`${consentWithNames} WHERE c.id = ?`, [id]);
}

/** A patient's consents, newest acceptance first. */
export function consentsOf(tx: Tx, patientId: string): ConsentRow[] {
  return tx.all<ConsentRow>(
    `${consentWithNames} WHERE c.patient_id = ? ORDER BY c.accepted_at DESC, c.withdrawn_at IS NULL DESC, c.rowid DESC`,
    [patientId],
  );
}

export function toConsentView(row: ConsentRow): ConsentView {
  return {
    id: row.id,
    patientId: row.patient_id,
    textVersion: row.text_version,
    textSha256: row.text_sha256,
    method: row.method,
    signatureSha256: row.signature_sha256,
    scanId: row.scan_id,
    acceptedAt: row.accepted_at,
    acceptedBy: row.accepted_by,
    acceptedByName: row.accepted_by_name,
    withdrawnAt: row.withdrawn_at,
    withdrawnBy: row.withdrawn_by,
    withdrawnByName: row.withdrawn_by_name,
    withdrawalReason: row.withdrawal_reason,
  };
}
