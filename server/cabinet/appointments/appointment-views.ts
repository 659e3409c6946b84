import type { Knex } from 'knex';
import { attachmentFromRow } from '../../../shared/appointments/rows';
import type { Appointment, AppointmentAttachment } from '../../../shared/appointments/schedule';
import type {
  CabinetAppointment,
  CabinetAttachment,
  CabinetBookingOptions,
} from '../../../shared/cabinet/appointments-api';
import { canChange } from '../../appointments/booking';
import { videoLinkFor } from '../../appointments/notices/video-link';
import { namedClinicSchedule } from '../../appointments/schedule-snapshot';
import { toRecord } from '../../db/values';

/** What the cabinet's «Записи» shows, read from the synced rows. */
export async function bookingOptions(db: Knex, clinicId: string): Promise<CabinetBookingOptions> {
  const { schedule, names } = await namedClinicSchedule(db, clinicId);
  const services = schedule.serviceTypes.filter((service) => service.active);
  const specialists = schedule.specialists.filter((specialist) => specialist.active);
  const offered = (specialistId: string): string[] => {
    const ids = new Set<string>();
    for (const pattern of schedule.patterns.filter((p) => p.specialistId === specialistId)) {
      for (const service of services) {
        if (pattern.serviceTypeIds === null || pattern.serviceTypeIds.includes(service.id)) ids.add(service.id);
      }
    }
    return services.filter((service) => ids.has(service.id)).map((service) => service.id);
  };
  // A specialty by its name when some desk wrote one (its code otherwise), in alphabetical order.
  const specialties = new Map<string, string>();
  for (const specialist of specialists) {
    const name = names.get(specialist.id)?.specialtyName;
    if (name || !specialties.has(specialist.specialtyCode))
      specialties.set(specialist.specialtyCode, name ?? specialist.specialtyCode);
  }
  return {
    specialties: [...specialties]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ru') || a.code.localeCompare(b.code)),
    specialists: specialists
      .map((specialist) => ({
        id: specialist.id,
        name: specialist.displayName,
        specialtyCode: specialist.specialtyCode,
        specialtyName: names.get(specialist.id)?.specialtyName ?? null,
        positionName: names.get(specialist.id)?.positionName ?? null,
        department: specialist.department,
        serviceTypeIds: offered(specialist.id),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ru') || a.id.localeCompare(b.id)),
    services: services.map((service) => ({
      id: service.id,
      name: service.name,
      durationMin: service.durationMin,
      mode: service.mode,
    })),
  };
}

/** The live attachments of these bookings, by booking. */
export async function attachmentsOf(
  db: Knex,
  clinicId: string,
  appointmentIds: readonly string[],
): Promise<Map<string, AppointmentAttachment[]>> {
  const byBooking = new Map<string, AppointmentAttachment[]>();
  if (appointmentIds.length === 0) return byBooking;
  const rows = await db('records')
    .where({ table_name: 'appointment_attachments', clinic_id: clinicId })
    .whereRaw("data->>'appointment_id' IN (SELECT jsonb_array_elements_text(?::jsonb))", [
      JSON.stringify(appointmentIds),
    ])
    .select<{ id: string; data: unknown }[]>('id', 'data');
  for (const row of rows) {
    const data = toRecord(row.data);
    if ((data.deleted_at ?? null) !== null) continue;
    const attachment = attachmentFromRow({ ...data, id: row.id });
    byBooking.set(attachment.appointmentId, [...(byBooking.get(attachment.appointmentId) ?? []), attachment]);
  }
  for (const list of byBooking.values()) list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return byBooking;
}

export const attachmentView = (attachment: AppointmentAttachment): CabinetAttachment => ({
  id: attachment.id,
  kind: attachment.kind,
  title: attachment.title,
  addedVia: attachment.addedVia,
  createdAt: attachment.createdAt,
  hasFile: attachment.scanId !== null,
});

/** Bookings as the patient sees them; a remote one that is still on carries its video link. */
export async function appointmentViews(
  db: Knex,
  clinicId: string,
  appointments: readonly Appointment[],
  now: Date,
): Promise<CabinetAppointment[]> {
  const { schedule: known, names } = await namedClinicSchedule(db, clinicId);
  const attachments = await attachmentsOf(
    db,
    clinicId,
    appointments.map((a) => a.id),
  );
  const views: CabinetAppointment[] = [];
  for (const appointment of appointments) {
    const service = known.serviceTypes.find((s) => s.id === appointment.serviceTypeId);
    views.push({
      id: appointment.id,
      specialistName: known.specialists.find((s) => s.id === appointment.specialistId)?.displayName ?? '',
      specialtyName: names.get(appointment.specialistId)?.specialtyName ?? null,
      serviceName: service?.name ?? '',
      roomName: known.rooms.find((room) => room.id === appointment.roomId)?.name ?? null,
      mode: appointment.mode,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      status: appointment.status,
      instructions: service?.instructions ?? null,
      videoLink: appointment.mode === 'remote' ? await videoLinkFor(db, clinicId, appointment.id) : null,
      attachments: (attachments.get(appointment.id) ?? []).map(attachmentView),
      canChange: canChange(appointment, now),
    });
  }
  return views;
}
