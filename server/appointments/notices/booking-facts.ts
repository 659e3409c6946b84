import type { Knex } from 'knex';
import type { Appointment } from '../../../shared/appointments/schedule';
import { isMobile, normalizePhone } from '../../../shared/domain/phone';
import { toRecord } from '../../db/values';

/** What the patient's messages about a booking tell and where they go (all read from `records`). */
export interface BookingFacts {
  specialist: string;
  service: string;
  instructions: string | null;
  /** The room's name; null for a remote visit or when none is known. */
  room: string | null;
  /** The patient's e-mail and mobile: the card's, else the cabinet account's; null where neither has one fit to use. */
  email: string | null;
  phone: string | null;
  /** The patient's cabinet account (its channel choices apply), when there is one. */
  accountId: string | null;
}

type Data = Record<string, unknown>;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

async function recordData(db: Knex, clinicId: string, table: string, id: string | null): Promise<Data | null> {
  if (id === null) return null;
  const row = await db('records')
    .where({ table_name: table, clinic_id: clinicId, id })
    .first<{ data: unknown } | undefined>('data');
  return row ? toRecord(row.data) : null;
}

function emailOf(value: unknown): string | null {
  const email = text(value)?.toLowerCase() ?? null;
  return email !== null && /^[^\s@<>]+@[^\s@<>]+$/.test(email) && email.length <= 320 ? email : null;
}

function phoneOf(value: unknown): string | null {
  const phone = text(value);
  if (phone === null) return null;
  const parsed = normalizePhone(phone);
  // An SMS reaches a mobile number only.
  return parsed.ok && isMobile(parsed.e164) ? parsed.e164 : null;
}

/** The booking's names, instructions and the patient's contacts; a missing row reads as a plain word, never fails. */
export async function bookingFacts(db: Knex, clinicId: string, appointment: Appointment): Promise<BookingFacts> {
  // One after another: in the caller's transaction they share one connection.
  const patient = await recordData(db, clinicId, 'patients', appointment.patientId);
  const specialist = await recordData(db, clinicId, 'specialists', appointment.specialistId);
  const service = await recordData(db, clinicId, 'service_types', appointment.serviceTypeId);
  const roomId = appointment.mode === 'remote' ? null : (appointment.roomId ?? text(specialist?.room_id));
  const room = await recordData(db, clinicId, 'rooms', roomId);
  const account = await db('cabinet_accounts')
    .where({ clinic_id: clinicId, patient_id: appointment.patientId })
    .orderByRaw('activated_at IS NULL, created_at DESC')
    .first<{ id: string; email: string; phone: string } | undefined>('id', 'email', 'phone');
  return {
    specialist: text(specialist?.display_name) ?? 'специалист поликлиники',
    service: text(service?.name) ?? 'приём',
    instructions: text(service?.instructions),
    room: text(room?.name),
    email: emailOf(patient?.email) ?? emailOf(account?.email),
    phone: phoneOf(patient?.phone) ?? phoneOf(account?.phone),
    accountId: account?.id ?? null,
  };
}
