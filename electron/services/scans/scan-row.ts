import type { ScanMime } from '../../../shared/scans/scan-checklist';
import type { ScanRecord } from '../../../shared/scans/scan-inputs';

/** A `document_scans` row as SQLite gives it back. */
export interface ScanRow {
  id: string;
  patient_id: string;
  sha256: string;
  mime: ScanMime;
  bytes: number;
  pages: number;
  dpi: number;
  brightness: number;
  sharpness: number;
  thumbnail_sha256: string;
  created_at: string;
  created_by: string;
  deleted_at: string | null;
}

export function toScanRecord(row: ScanRow): ScanRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
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
  };
}
