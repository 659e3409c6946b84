import type { RestrictionView } from '../../../../shared/api/chart-access-calls';
import { AppError } from '../../../../shared/errors/app-error';
import type { RestrictionReason } from '../../../../shared/rights/restrictions';
import type { ReadTx } from '../../../store/open-store';

interface RestrictionRow {
  id: string;
  patient_id: string;
  entry_id: string | null;
  reason: RestrictionReason;
  basis: string;
  note: string | null;
  decided_at: string;
  decided_by: string;
  decided_name: string | null;
  lifted_at: string | null;
  lift_reason: string | null;
  entry_summary: string | null;
}

const restrictionSelect = `SELECT r.id, r.patient_id, r.entry_id, r.reason, r.basis, r.note, r.decided_at, r.decided_by,
    s.display_name AS decided_name, r.lifted_at, r.lift_reason, e.summary AS entry_summary
  FROM record_restrictions r
  LEFT JOIN staff s ON s.id = r.decided_by
  LEFT JOIN chart_entries e ON e.id = r.entry_id`;

function toView(row: RestrictionRow): RestrictionView {
  return {
    id: row.id,
    patientId: row.patient_id,
    entryId: row.entry_id,
    entrySummary: row.entry_summary,
    reason: row.reason,
    basis: row.basis,
    note: row.note,
    decidedAt: row.decided_at,
    decidedBy: { id: row.decided_by, name: row.decided_name ?? row.decided_by },
    liftedAt: row.lifted_at,
    liftReason: row.lift_reason,
  };
}

/** One restriction, or `chart.restriction.not_found`. */
export function requireRestriction(tx: ReadTx, id: string): RestrictionView {
  const row = tx.get<RestrictionRow>(`${restrictionSelect} WHERE r.id = ?`, [id]);
  if (!row) throw new AppError('chart.restriction.not_found', { field: 'id' });
  return toView(row);
}

/** The patient's restrictions in force, the earliest first. */
export function activeRestrictions(tx: ReadTx, patientId: string): RestrictionView[] {
  return tx
    .all<RestrictionRow>(
      `${restrictionSelect} WHERE r.patient_id = ? AND r.lifted_at IS NULL ORDER BY r.decided_at, r.id`,
      [patientId],
    )
    .map(toView);
}
