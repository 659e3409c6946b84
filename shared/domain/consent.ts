/**
 * Consent to the processing of personal data (B8, 152-ФЗ). Plain data and pure rules, used by the
 * desk (the card's chip, the accept/withdraw services) and by the central server (no online
 * access without a valid consent).
 *
 * A patient's consents form a history: each acceptance is a row, a withdrawal stamps the row it
 * ends (one-way), and nothing is removed. The consent in force at an instant is the latest one
 * accepted at or before it; it is valid unless it had been withdrawn by then.
 */
export interface ConsentRecord {
  patientId: string;
  /** The version of the consent text the patient accepted (the manifest's `version`). */
  textVersion: string;
  /** ISO instant of the acceptance. */
  acceptedAt: string;
  /** ISO instant of the withdrawal, null while in force. */
  withdrawnAt: string | null;
}

export const consentStateReasons = ['none', 'withdrawn', 'valid'] as const;
export type ConsentStateReason = (typeof consentStateReasons)[number];

export interface ConsentState<T extends ConsentRecord = ConsentRecord> {
  /** Whether the patient's data may be processed for online access at that instant. */
  valid: boolean;
  /** The consent in force (or the last one, withdrawn), null when none was ever accepted by then. */
  current: T | null;
  reason: ConsentStateReason;
}

function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${iso}`);
  return ms;
}

/** The consent state of one patient's consents at the ISO instant `at`. */
export function consentState<T extends ConsentRecord>(rows: readonly T[], at: string): ConsentState<T> {
  const now = instant(at);
  const withdrawn = (row: T) => row.withdrawnAt !== null && instant(row.withdrawnAt) <= now;
  let current: T | null = null;
  for (const row of rows) {
    const accepted = instant(row.acceptedAt);
    if (accepted > now) continue;
    const latest = current === null ? Number.NEGATIVE_INFINITY : instant(current.acceptedAt);
    // Accepted in the same instant (a re-consent right after a withdrawal): the one in force is
    // the newer, since a consent cannot be withdrawn before it was accepted.
    if (current === null || accepted > latest || (accepted === latest && withdrawn(current) && !withdrawn(row)))
      current = row;
  }
  if (!current) return { valid: false, current: null, reason: 'none' };
  if (withdrawn(current)) return { valid: false, current, reason: 'withdrawn' };
  return { valid: true, current, reason: 'valid' };
}
