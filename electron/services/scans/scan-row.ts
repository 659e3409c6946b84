import type { ScanMime } from '../../../shared/scans/scan-checklist';
import type { ScanSummary } from '../../../shared/scans/scan-inputs';
import type { ScanPurpose } from '../../../shared/scans/scan-purpose';
import type { Tx } from '../../store/open-store';

/** A `document_scans` row as SQLite gives it back, with the name of who took it. */
export interface ScanRow {
  id: string;
  patient_id: string;
  purpose: ScanPurpose;
  attached_to: string | null;
  sha256: string;
  mime: ScanMime;
  bytes: number;
  pages: number;
  dpi: number;
  brightness: number;
  sharpness: number;
  thumbnail_sha256: string;
  created_at: string;
  /** Null when the server wrote the row (a patient's upload in the cabinet, desk migration 0021). */
  created_by: string | null;
  created_by_name: string | null;
  deleted_at: string | null;
}

const selectScans = `SELECT s.*, st.display_name AS created_by_name FROM document_scans s LEFT JOIN staff st ON st.id = s.created_by`;

export function scanRowById(tx: Tx, id: string): ScanRow | undefined {
  return tx.get<ScanRow>(`${selectScans} WHERE s.id = ?`, [id]);
}

/** A patient's live scans, newest first; only those of one row when `attachedTo` is given. */
export function scanRowsOf(tx: Tx, patientId: string, attachedTo?: string): ScanRow[] {
  const where = attachedTo === undefined ? '' : ' AND s.attached_to = ?';
  return tx.all<ScanRow>(
    `${selectScans} WHERE s.patient_id = ? AND s.deleted_at IS NULL${where} ORDER BY s.created_at DESC, s.id DESC`,
    attachedTo === undefined ? [patientId] : [patientId, attachedTo],
  );
}

/** The row for the screen; `has` says which files this desk already holds (a pulled scan's may be on their way). */
export function toScanSummary(row: ScanRow, has: (sha256: string) => boolean): ScanSummary {
  return {
    id: row.id,
    patientId: row.patient_id,
    purpose: row.purpose,
    attachedTo: row.attached_to,
    sha256: row.sha256,
    mime: row.mime,
    bytes: row.bytes,
    pages: row.pages,
    dpi: row.dpi,
    brightness: row.brightness,
    sharpness: row.sharpness,
    thumbnailSha256: row.thumbnail_sha256,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name ?? row.created_by,
    thumbnailReady: has(row.thumbnail_sha256),
    contentReady: has(row.sha256),
  };
}
