import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import type { ScanChecklist, ScanMime } from '../../../shared/scans/scan-checklist';
import type { ScanPurpose } from '../../../shared/scans/scan-purpose';
import { toNumber } from '../../db/values';
import type { ChangeLogWriter } from '../../sync/change-log';
import { writeServerRow } from '../../sync/server-rows';

/** What the server keeps of a patient's accepted upload: the card, the files, the checks' measures. */
export interface CabinetScan {
  patientId: string;
  purpose: ScanPurpose;
  mime: ScanMime;
  sha256: string;
  thumbnailSha256: string;
  bytes: number;
  checklist: Pick<ScanChecklist, 'pages' | 'dpi' | 'brightness' | 'sharpness'>;
}

/**
 * Writes the scan's `document_scans` row as the server's change (made by no desk and no person:
 * `created_by`, `updated_by`, `device_id` null, as server/portal/online-identity-row.ts does), with
 * the same fields and measures a desk's row has, so every desk of the clinic lists it. Returns its id.
 */
export async function writeCabinetScan(log: ChangeLogWriter, scan: CabinetScan, at: string): Promise<string> {
  const id = uuidv7();
  const data = {
    patient_id: scan.patientId,
    purpose: scan.purpose,
    attached_to: null,
    sha256: scan.sha256,
    mime: scan.mime,
    bytes: scan.bytes,
    pages: scan.checklist.pages,
    dpi: scan.checklist.dpi ?? 0,
    brightness: scan.checklist.brightness ?? 0,
    sharpness: scan.checklist.sharpness ?? 0,
    thumbnail_sha256: scan.thumbnailSha256,
    deleted_at: null,
    deleted_reason: null,
  };
  await writeServerRow(log, 'document_scans', id, undefined, data, at);
  return id;
}

/** How many scans the cabinet kept for the card since `since` (the server's own rows only). */
export async function cabinetScansSince(
  db: Knex,
  card: { clinicId: string; patientId: string },
  since: Date,
): Promise<number> {
  const row = await db('records')
    .where({ table_name: 'document_scans', clinic_id: card.clinicId })
    .whereRaw("data->>'patient_id' = ?", [card.patientId])
    .whereRaw("data->>'device_id' IS NULL")
    .whereRaw("data->>'created_at' >= ?", [since.toISOString()])
    .first<{ n: unknown }>(db.raw('count(*) AS n'));
  return toNumber(row?.n ?? 0);
}
