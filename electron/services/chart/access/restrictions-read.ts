import type { RestrictionReason } from '../../../../shared/rights/restrictions';
import type { ReadTx } from '../../../store/open-store';

/** An active (not lifted) restriction of a patient's chart or of one entry (F4). */
export interface Restriction {
  id: string;
  reason: RestrictionReason;
  basis: string;
  decidedAt: string;
}

/** The patient's active restrictions: the whole chart (if restricted) and each restricted entry by its id. */
export interface PatientRestrictions {
  wholeChart: Restriction | null;
  entries: Map<string, Restriction>;
}

interface RestrictionRow {
  id: string;
  entry_id: string | null;
  reason: RestrictionReason;
  basis: string;
  decided_at: string;
}

/**
 * What is restricted in the patient's chart now: the rows of `record_restrictions` not lifted,
 * the earliest decision first (so an entry restricted twice keeps its first basis).
 */
export function restrictedEntryIds(tx: ReadTx, patientId: string): PatientRestrictions {
  const rows = tx.all<RestrictionRow>(
    `SELECT id, entry_id, reason, basis, decided_at FROM record_restrictions
      WHERE patient_id = ? AND lifted_at IS NULL ORDER BY decided_at, id`,
    [patientId],
  );
  let wholeChart: Restriction | null = null;
  const entries = new Map<string, Restriction>();
  for (const row of rows) {
    const restriction: Restriction = { id: row.id, reason: row.reason, basis: row.basis, decidedAt: row.decided_at };
    if (row.entry_id === null) wholeChart ??= restriction;
    else if (!entries.has(row.entry_id)) entries.set(row.entry_id, restriction);
  }
  return { wholeChart, entries };
}
