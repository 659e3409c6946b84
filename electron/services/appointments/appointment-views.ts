import type { AppointmentView } from '../../../shared/api/appointments-calls';
import { appointmentFromRow, type Row } from '../../../shared/appointments/rows';
import type { ReadTx } from '../../store/open-store';
import { chunks, placeholders } from './sql-list';

interface PatientNameRow {
  id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birth_date: string | null;
}

interface OutboxStateRow {
  row_id: string;
  status: string;
  refused_code: string | null;
}

/** `SELECT … WHERE column IN (ids)` over pieces of the list, rows together. */
function rowsIn<T>(tx: ReadTx, sql: (list: string) => string, ids: readonly string[]): T[] {
  return chunks([...new Set(ids)]).flatMap((piece) => tx.all<T>(sql(placeholders(piece)), piece));
}

function namesOf(tx: ReadTx, table: 'specialists' | 'rooms' | 'service_types', ids: readonly string[]) {
  const column = table === 'specialists' ? 'display_name' : 'name';
  return new Map(
    rowsIn<{ id: string; name: string }>(
      tx,
      (list) => `SELECT id, ${column} AS name FROM ${table} WHERE id IN ${list}`,
      ids,
    ).map((row) => [row.id, row.name]),
  );
}

/**
 * The bookings as a screen shows them: with the patient's, the specialist's, the service's and
 * the room's names, the number of attachments, and where the desk's request stands with the
 * server (`pending`): `refused` when the outbox holds a refusal for the booking (its code then
 * in `refusedCode`), `waiting` while a request is not yet confirmed (`requested`: unsent, or
 * sent and not yet pulled back as `booked`). A booking this desk has asked to move shows the new
 * one in `replacedBy` before the server confirms the move. A card not yet on this desk (still
 * syncing) has an empty name.
 */
export function appointmentViews(tx: ReadTx, rows: readonly Row[]): AppointmentView[] {
  if (rows.length === 0) return [];
  const appointments = rows.map(appointmentFromRow);
  const ids = appointments.map((a) => a.id);
  const patients = new Map(
    rowsIn<PatientNameRow>(
      tx,
      (list) => `SELECT id, surname, name, patronymic, birth_date FROM patients WHERE id IN ${list}`,
      appointments.map((a) => a.patientId),
    ).map((row) => [row.id, row]),
  );
  const specialists = namesOf(
    tx,
    'specialists',
    appointments.map((a) => a.specialistId),
  );
  const services = namesOf(
    tx,
    'service_types',
    appointments.map((a) => a.serviceTypeId),
  );
  const rooms = namesOf(
    tx,
    'rooms',
    appointments.flatMap((a) => (a.roomId === null ? [] : [a.roomId])),
  );
  const attachments = new Map(
    rowsIn<{ appointment_id: string; n: number }>(
      tx,
      (list) => `SELECT appointment_id, count(*) AS n FROM appointment_attachments
        WHERE appointment_id IN ${list} AND deleted_at IS NULL GROUP BY appointment_id`,
      ids,
    ).map((row) => [row.appointment_id, row.n]),
  );
  const refusals = new Map<string, string>();
  for (const entry of rowsIn<OutboxStateRow>(
    tx,
    (list) => `SELECT row_id, status, refused_code FROM sync_outbox
      WHERE table_name = 'appointments' AND row_id IN ${list} ORDER BY seq`,
    ids,
  ))
    if (entry.status === 'refused') refusals.set(entry.row_id, entry.refused_code ?? 'sync.refused');
  const replacements = new Map(
    rowsIn<{ id: string; replaces_id: string }>(
      tx,
      (list) => `SELECT a.id, a.replaces_id FROM appointments a
        WHERE a.replaces_id IN ${list} AND a.status = 'requested' AND NOT EXISTS (SELECT 1 FROM sync_outbox o
          WHERE o.table_name = 'appointments' AND o.row_id = a.id AND o.status = 'refused')`,
      ids,
    ).map((row) => [row.replaces_id, row.id]),
  );
  return appointments.map((a) => {
    const patient = patients.get(a.patientId);
    const refused = refusals.get(a.id);
    return {
      ...a,
      replacedBy: a.replacedBy ?? replacements.get(a.id) ?? null,
      refusedCode: refused ?? a.refusedCode,
      patientName: patient ? [patient.surname, patient.name, patient.patronymic].filter(Boolean).join(' ') : '',
      patientBirthDate: patient?.birth_date ?? null,
      specialistName: specialists.get(a.specialistId) ?? '',
      serviceName: services.get(a.serviceTypeId) ?? '',
      roomName: a.roomId === null ? null : (rooms.get(a.roomId) ?? null),
      attachmentCount: attachments.get(a.id) ?? 0,
      pending: refused !== undefined ? 'refused' : a.status === 'requested' ? 'waiting' : null,
    };
  });
}
