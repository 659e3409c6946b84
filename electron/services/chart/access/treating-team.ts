import { treatingTeamDays } from '../../../../shared/rights/restrictions';
import type { ReadTx } from '../../../store/open-store';

/** Appointment statuses that no longer tie a specialist to the patient. */
const lapsedStatuses = ['cancelled', 'refused', 'moved'] as const;

/** The instant `treatingTeamDays` before `at`: appointments from then on (the future too) count. */
function teamSince(at: string): string {
  return new Date(Date.parse(at) - treatingTeamDays * 86_400_000).toISOString();
}

/**
 * Whether the person is in the patient's treating team (F4): they wrote an entry of this chart
 * (`doctor_id` or `created_by`), they are the specialist of a booking of this patient from
 * `treatingTeamDays` ago onward that was not cancelled, or they decided one of its restrictions.
 */
export function inTreatingTeam(tx: ReadTx, patientId: string, staffId: string, at: string): boolean {
  const found = tx.get<{ one: number }>(
    `SELECT 1 AS one WHERE
       EXISTS (SELECT 1 FROM chart_entries WHERE patient_id = ? AND (doctor_id = ? OR created_by = ?))
       OR EXISTS (SELECT 1 FROM appointments a JOIN specialists s ON s.id = a.specialist_id
                   WHERE a.patient_id = ? AND s.staff_id = ? AND a.starts_at >= ?
                     AND a.status NOT IN (${lapsedStatuses.map(() => '?').join(', ')}))
       OR EXISTS (SELECT 1 FROM record_restrictions WHERE patient_id = ? AND decided_by = ?)`,
    [patientId, staffId, staffId, patientId, staffId, teamSince(at), ...lapsedStatuses, patientId, staffId],
  );
  return found !== undefined;
}

/** Whether the patient's chart holds any entry yet (an empty chart has nothing to guard). */
export function chartHasEntries(tx: ReadTx, patientId: string): boolean {
  return (
    tx.get<{ one: number }>('SELECT 1 AS one FROM chart_entries WHERE patient_id = ? LIMIT 1', [patientId]) !==
    undefined
  );
}
