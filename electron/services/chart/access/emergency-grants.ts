import type { EmergencyReason } from '../../../../shared/rights/restrictions';
import type { ReadTx } from '../../../store/open-store';

/** A break-the-glass grant as the gate and the banner use it. */
export interface LiveGrant {
  id: string;
  entryId: string | null;
  reasonCode: EmergencyReason;
  reasonText: string;
  startedAt: string;
  expiresAt: string;
}

interface GrantRow {
  id: string;
  entry_id: string | null;
  reason_code: EmergencyReason;
  reason_text: string;
  started_at: string;
  expires_at: string;
}

const toGrant = (row: GrantRow): LiveGrant => ({
  id: row.id,
  entryId: row.entry_id,
  reasonCode: row.reason_code,
  reasonText: row.reason_text,
  startedAt: row.started_at,
  expiresAt: row.expires_at,
});

/**
 * The person's grants for this patient still running at `at` (started, not expired), the latest
 * expiry first: the card's grant (`entryId` null) and grants for single restricted entries.
 */
export function liveGrants(tx: ReadTx, staffId: string, patientId: string, at: string): LiveGrant[] {
  return tx
    .all<GrantRow>(
      `SELECT id, entry_id, reason_code, reason_text, started_at, expires_at FROM emergency_access
        WHERE staff_id = ? AND patient_id = ? AND expires_at > ? AND started_at <= ?
        ORDER BY expires_at DESC, id`,
      [staffId, patientId, at, at],
    )
    .map(toGrant);
}
