import type { Knex } from 'knex';

/**
 * The `.ics` event of a booking: its UID and SEQUENCE (RFC 5545/5546). A booking's event is its
 * own id at 0; a move keeps the UID of the booking it replaces and counts up, so the patient's
 * calendar moves the event rather than adding a second; a cancellation counts up once more.
 */
export interface CalendarVersion {
  uid: string;
  sequence: number;
}

async function versionOf(db: Knex, appointmentId: string): Promise<CalendarVersion | undefined> {
  const row = await db('appointment_calendar')
    .where({ appointment_id: appointmentId })
    .first<{ uid: string; sequence: unknown } | undefined>('uid', 'sequence');
  return row && { uid: row.uid, sequence: Number(row.sequence) };
}

async function keep(
  db: Knex,
  clinicId: string,
  appointmentId: string,
  version: CalendarVersion,
): Promise<CalendarVersion> {
  await db('appointment_calendar')
    .insert({ appointment_id: appointmentId, clinic_id: clinicId, uid: version.uid, sequence: version.sequence })
    .onConflict('appointment_id')
    .ignore();
  // Asked twice (a repeated notice): the first answer stands.
  return (await versionOf(db, appointmentId)) ?? version;
}

export function bookedVersion(db: Knex, clinicId: string, appointmentId: string): Promise<CalendarVersion> {
  return keep(db, clinicId, appointmentId, { uid: appointmentId, sequence: 0 });
}

export async function movedVersion(
  db: Knex,
  clinicId: string,
  appointmentId: string,
  previousId: string | null,
): Promise<CalendarVersion> {
  const previous = previousId === null ? undefined : await versionOf(db, previousId);
  const uid = previous?.uid ?? previousId ?? appointmentId;
  return keep(db, clinicId, appointmentId, { uid, sequence: (previous?.sequence ?? 0) + 1 });
}

export async function cancelledVersion(db: Knex, clinicId: string, appointmentId: string): Promise<CalendarVersion> {
  const current = await versionOf(db, appointmentId);
  if (!current) return keep(db, clinicId, appointmentId, { uid: appointmentId, sequence: 1 });
  const next = { uid: current.uid, sequence: current.sequence + 1 };
  await db('appointment_calendar').where({ appointment_id: appointmentId }).update({ sequence: next.sequence });
  return next;
}
