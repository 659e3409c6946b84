import { appointmentFromRow, busyFromAppointment, type Row } from '../../../shared/appointments/rows';
import { activeAppointmentStatuses, type BusyInterval } from '../../../shared/appointments/schedule';
import type { ReadTx } from '../../store/open-store';
import { chunks, placeholders } from './sql-list';

/**
 * A booking the server refused: its first write (the `requested` row) is marked refused in the
 * outbox. It stays on the desk for the clerk to see, but holds no slot.
 */
export const refusedRequestSql = `EXISTS (SELECT 1 FROM sync_outbox o
  WHERE o.table_name = 'appointments' AND o.row_id = a.id AND o.base_version = 0 AND o.status = 'refused')`;

const active = placeholders(activeAppointmentStatuses);

/** The longest service (schedule.ts: 480 min): a booking starting this much earlier may still reach the range. */
const longestMs = 480 * 60_000;

/**
 * What occupies the time from `from` to `to` (instants): the active bookings of these
 * specialists — requested ones included (this desk's own, maybe not yet sent), refused ones not.
 * Every booking names its specialist, so the rooms' and the patients' bookings of the clinic
 * are among them when every specialist is asked for. Read by (specialist, start) from the index.
 */
export function readBusy(tx: ReadTx, specialistIds: readonly string[], from: string, to: string): BusyInterval[] {
  const earliest = new Date(Date.parse(from) - longestMs).toISOString();
  return chunks(specialistIds).flatMap((ids) =>
    tx
      .all<Row>(
        `SELECT * FROM appointments a
          WHERE a.specialist_id IN ${placeholders(ids)} AND a.starts_at >= ? AND a.starts_at < ? AND a.ends_at > ?
            AND a.status IN ${active} AND NOT ${refusedRequestSql}`,
        [...ids, earliest, to, from, ...activeAppointmentStatuses],
      )
      .map((row) => busyFromAppointment(appointmentFromRow(row))),
  );
}

/** How many bookings the patient holds from `now` on (the limit's count), leaving out the one being moved. */
export function patientFutureCount(tx: ReadTx, patientId: string, now: string, replacesId: string | null): number {
  return (
    tx.get<{ n: number }>(
      `SELECT count(*) AS n FROM appointments a
        WHERE a.patient_id = ? AND a.starts_at >= ? AND a.id IS NOT ? AND a.status IN ${active}
          AND NOT ${refusedRequestSql}`,
      [patientId, now, replacesId, ...activeAppointmentStatuses],
    )?.n ?? 0
  );
}
