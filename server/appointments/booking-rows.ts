import type { Knex } from 'knex';
import { appointmentFromRow } from '../../shared/appointments/rows';
import type { Appointment } from '../../shared/appointments/schedule';
import { queueAppointmentNotice, type AppointmentEvent } from './notices/appointment-notices';
import type { ChangeLogWriter } from '../sync/change-log';
import { stored, writeServerRow, type RecordRow, type RowData, type StoredRow } from '../sync/server-rows';

/**
 * The synced `appointments` rows as the server reads and writes them (`records`), shared by the
 * desks' rule (appointment-rule.ts) and the cabinet's booking (booking.ts).
 */
export async function appointmentRow(
  db: Knex | Knex.Transaction,
  clinicId: string,
  id: string,
): Promise<StoredRow | undefined> {
  const row = await db('records')
    .where({ table_name: 'appointments', clinic_id: clinicId, id })
    .first<RecordRow | undefined>('id', 'data', 'field_versions');
  return row && stored(row);
}

export const appointmentOf = (row: StoredRow): Appointment => appointmentFromRow({ ...row.data, id: row.id });

/** Writes the server's change to a booking and tells the patient, in the same transaction. */
export async function writeAppointment(
  log: ChangeLogWriter,
  id: string,
  current: StoredRow | undefined,
  fields: RowData,
  at: string,
): Promise<Appointment> {
  await writeServerRow(log, 'appointments', id, current, fields, at);
  const data: RowData = { ...(current?.data ?? { created_at: at, created_by: null }), ...fields };
  return appointmentFromRow({ ...data, id });
}

export async function announce(
  log: ChangeLogWriter,
  event: AppointmentEvent,
  appointment: Appointment,
  previous: Appointment | null = null,
): Promise<void> {
  await queueAppointmentNotice(log.trx, { clinicId: log.clinicId, appointment, event, previous });
}

/** The fields a new booking starts with that no one but the server fills. */
export const bookedBlank: RowData = {
  replaced_by: null,
  refused_code: null,
  cancelled_at: null,
  cancelled_by: null,
  cancel_reason: null,
  arrived_at: null,
  no_show_at: null,
};
