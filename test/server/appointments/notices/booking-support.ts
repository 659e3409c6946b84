import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import {
  queueAppointmentNotice,
  type AppointmentEvent,
} from '../../../../server/appointments/notices/appointment-notices';
import { withChangeLog } from '../../../../server/sync/change-log';
import { writeServerRow, type RowData } from '../../../../server/sync/server-rows';
import { appointmentFromRow } from '../../../../shared/appointments/rows';
import type { Appointment } from '../../../../shared/appointments/schedule';

/** The schedule rows a booking names, written as the server writes synced rows. */
export interface BookingWorld {
  clinicId: string;
  patientId: string;
  specialistId: string;
  roomId: string;
  inPersonServiceId: string;
  remoteServiceId: string;
}

export async function writeWorld(
  db: Knex,
  clinicId: string,
  patient: { email: string | null; phone: string | null },
): Promise<BookingWorld> {
  const at = new Date().toISOString();
  const world: BookingWorld = {
    clinicId,
    patientId: randomUUID(),
    specialistId: randomUUID(),
    roomId: randomUUID(),
    inPersonServiceId: randomUUID(),
    remoteServiceId: randomUUID(),
  };
  await withChangeLog(db, { now: new Date(), clinicId }, async (log) => {
    await writeServerRow(
      log,
      'patients',
      world.patientId,
      undefined,
      {
        surname: 'Петрова',
        name: 'Ольга',
        patronymic: null,
        birth_date: '1985-04-12',
        sex: 'female',
        email: patient.email,
        phone: patient.phone,
        deleted_at: null,
        merged_into: null,
      },
      at,
    );
    await writeServerRow(log, 'rooms', world.roomId, undefined, { name: 'Кабинет 214', active: 1 }, at);
    await writeServerRow(
      log,
      'specialists',
      world.specialistId,
      undefined,
      {
        staff_id: null,
        display_name: 'Смирнов Андрей Павлович, терапевт',
        specialty_code: '76',
        position_code: '109',
        department: null,
        room_id: world.roomId,
        active: 1,
      },
      at,
    );
    const service = (name: string, mode: string, instructions: string): RowData => ({
      service_code: 'B01.047.001',
      name,
      duration_min: 30,
      mode,
      daily_limit: null,
      instructions,
      active: 1,
    });
    await writeServerRow(
      log,
      'service_types',
      world.inPersonServiceId,
      undefined,
      service('Приём терапевта', 'in_person', 'Возьмите паспорт, полис ОМС; натощак, без завтрака'),
      at,
    );
    await writeServerRow(
      log,
      'service_types',
      world.remoteServiceId,
      undefined,
      service('Телемедицинская консультация', 'remote', 'Проверьте камеру и микрофон заранее'),
      at,
    );
  });
  return world;
}

export interface BookingSpec {
  startsAt: string;
  remote?: boolean;
  bookedAt: string;
  patientTimeZone?: string | null;
  replacesId?: string | null;
}

function bookingData(world: BookingWorld, spec: BookingSpec): RowData {
  const ends = new Date(Date.parse(spec.startsAt) + 30 * 60_000).toISOString();
  return {
    patient_id: world.patientId,
    specialist_id: world.specialistId,
    room_id: spec.remote ? null : world.roomId,
    service_type_id: spec.remote ? world.remoteServiceId : world.inPersonServiceId,
    starts_at: spec.startsAt,
    ends_at: ends,
    mode: spec.remote ? 'remote' : 'in_person',
    status: 'booked',
    source: 'cabinet',
    replaces_id: spec.replacesId ?? null,
    replaced_by: null,
    refused_code: null,
    note: null,
    patient_time_zone: spec.patientTimeZone === undefined ? 'Europe/Moscow' : spec.patientTimeZone,
    booked_at: spec.bookedAt,
    cancelled_at: null,
    cancelled_by: null,
    cancel_reason: null,
    arrived_at: null,
    no_show_at: null,
  };
}

async function readBooking(db: Knex, clinicId: string, id: string): Promise<Appointment> {
  const row = await db('records')
    .where({ table_name: 'appointments', clinic_id: clinicId, id })
    .first<{ data: unknown }>('data');
  const data = typeof row.data === 'string' ? (JSON.parse(row.data) as RowData) : (row.data as RowData);
  return appointmentFromRow({ ...data, id });
}

async function currentRow(db: Knex, clinicId: string, id: string) {
  const row = await db('records')
    .where({ table_name: 'appointments', clinic_id: clinicId, id })
    .first<{ data: RowData; field_versions: Record<string, number> }>('data', 'field_versions');
  return { id, data: row.data, fieldVersions: row.field_versions };
}

/** What the booking code (H2's) does: the row written and the notice queued, one transaction. */
export async function book(db: Knex, world: BookingWorld, spec: BookingSpec): Promise<Appointment> {
  const id = randomUUID();
  await withChangeLog(db, { now: new Date(spec.bookedAt), clinicId: world.clinicId }, async (log) => {
    await writeServerRow(log, 'appointments', id, undefined, bookingData(world, spec), spec.bookedAt);
    const appointment = appointmentFromRow({ ...bookingData(world, spec), id });
    await queueAppointmentNotice(log.trx, { clinicId: world.clinicId, appointment, event: 'booked' });
  });
  return readBooking(db, world.clinicId, id);
}

export async function cancel(db: Knex, world: BookingWorld, booking: Appointment, at: string): Promise<Appointment> {
  await withChangeLog(db, { now: new Date(at), clinicId: world.clinicId }, async (log) => {
    const current = await currentRow(log.trx, world.clinicId, booking.id);
    const fields = { status: 'cancelled', cancelled_at: at, cancelled_by: 'patient', cancel_reason: 'не смогу прийти' };
    await writeServerRow(log, 'appointments', booking.id, current, fields, at);
    const appointment = appointmentFromRow({ ...current.data, ...fields, id: booking.id });
    await queueAppointmentNotice(log.trx, { clinicId: world.clinicId, appointment, event: 'cancelled' });
  });
  return readBooking(db, world.clinicId, booking.id);
}

export async function move(
  db: Knex,
  world: BookingWorld,
  booking: Appointment,
  spec: BookingSpec,
): Promise<Appointment> {
  const id = randomUUID();
  await withChangeLog(db, { now: new Date(spec.bookedAt), clinicId: world.clinicId }, async (log) => {
    const data = bookingData(world, { ...spec, replacesId: booking.id, remote: booking.mode === 'remote' });
    await writeServerRow(log, 'appointments', id, undefined, data, spec.bookedAt);
    const current = await currentRow(log.trx, world.clinicId, booking.id);
    await writeServerRow(log, 'appointments', booking.id, current, { status: 'moved', replaced_by: id }, spec.bookedAt);
    const appointment = appointmentFromRow({ ...data, id });
    const previous = appointmentFromRow({ ...current.data, status: 'moved', replaced_by: id, id: booking.id });
    const event: AppointmentEvent = 'moved';
    await queueAppointmentNotice(log.trx, { clinicId: world.clinicId, appointment, event, previous });
  });
  return readBooking(db, world.clinicId, id);
}

/** The outbox rows queued about a booking, by template. */
export async function outboxOf(
  db: Knex,
  to: string,
): Promise<{ id: string; template: string; channel: string; status: string; params: Record<string, string> }[]> {
  const rows = await db('notification_outbox')
    .where({ recipient: to })
    .orderBy('created_at')
    .orderBy('id')
    .select<{ id: string; template: string; channel: string; status: string; params: unknown }[]>(
      'id',
      'template',
      'channel',
      'status',
      'params',
    );
  return rows.map((row) => ({
    ...row,
    params: (typeof row.params === 'string' ? JSON.parse(row.params) : row.params) as Record<string, string>,
  }));
}
