import { z } from 'zod';
import type { OnlineIdentityView } from '../../../shared/api/verification-calls';
import { documentSeenSchema, type OnlineIdentityStatus } from '../../../shared/domain/online-identity';

/** An `online_identity` row with the name of who verified it (`onlineIdentityWithNames`). */
export interface OnlineIdentityRow {
  id: string;
  version: number;
  patient_id: string;
  status: OnlineIdentityStatus;
  failed_attempts: number;
  locked_at: string | null;
  verified_at: string | null;
  verified_by: string | null;
  verified_by_name: string | null;
  documents_seen: string | null;
  scan_ids: string | null;
  note: string | null;
  updated_at: string;
}

export const onlineIdentityWithNames = `SELECT o.*, s.display_name AS verified_by_name
  FROM online_identity o LEFT JOIN staff s ON s.id = o.verified_by`;

function jsonList<T>(text: string | null, schema: z.ZodType<T>): T[] {
  if (text === null) return [];
  const parsed = z.array(schema).safeParse(JSON.parse(text));
  // The server checked what a desk wrote; a row that still does not parse shows as empty, not as an error.
  return parsed.success ? parsed.data : [];
}

/** The row as the API shows it; a patient without a row never tried online (`none`). */
export function toOnlineIdentityView(patientId: string, row: OnlineIdentityRow | undefined): OnlineIdentityView {
  if (!row) {
    return {
      id: null,
      patientId,
      status: 'none',
      failedAttempts: 0,
      lockedAt: null,
      verifiedAt: null,
      verifiedBy: null,
      documentsSeen: [],
      scanIds: [],
      note: null,
      updatedAt: null,
    };
  }
  return {
    id: row.id,
    patientId,
    status: row.status,
    failedAttempts: row.failed_attempts,
    lockedAt: row.locked_at,
    verifiedAt: row.verified_at,
    verifiedBy:
      row.verified_by === null ? null : { id: row.verified_by, name: row.verified_by_name ?? row.verified_by },
    documentsSeen: jsonList(row.documents_seen, documentSeenSchema),
    scanIds: jsonList(row.scan_ids, z.string()),
    note: row.note,
    updatedAt: row.updated_at,
  };
}
