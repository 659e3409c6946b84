import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { checkBooking } from '../../shared/appointments/booking-check';
import { freeSlots, type Slot, type SlotContext, type SlotQuery } from '../../shared/appointments/free-slots';
import { addDays } from '../../shared/appointments/local-time';
import { holdMinutes, maxSearchDays, type Appointment } from '../../shared/appointments/schedule';
import type { CabinetSlot, Hold } from '../../shared/cabinet/appointments-api';
import type { ErrorCode } from '../../shared/errors/catalog';
import { HttpError } from '../http/http-error';
import { withChangeLog } from '../sync/change-log';
import { stored, type StoredRow } from '../sync/server-rows';
import { announce, appointmentOf, appointmentRow, bookedBlank, writeAppointment } from './booking-rows';
import {
  claimSlot,
  confirmHold,
  dropHoldsOf,
  findClaim,
  patientFutureCount,
  releaseClaim,
  type HeldClaim,
} from './claims';
import { clinicDay, slotContext, slotRoom } from './schedule-snapshot';
import { SlotTakenError } from './slot-taken';

/**
 * Booking from the cabinet (E1, seed §4.3), the model of Medplum's `$hold`/`$book`: the patient
 * searches free times, holds one (its time claimed for `holdMinutes`, so no one takes it while they
 * read the confirmation), then confirms it — the hold becomes the synced `appointments` row
 * `booked` that every desk pulls. A taken time answers with the nearest free ones. Cancel frees
 * the time; a move confirms a hold made for it, then frees the old time, in one transaction.
 */
export interface PatientRef {
  clinicId: string;
  patientId: string;
  accountId: string;
}

export interface SearchRequest {
  specialistId?: string | undefined;
  specialty?: string | undefined;
  serviceTypeId: string;
  from: string;
  to: string;
}

const cabinetSlot = (context: SlotContext, slot: Slot): CabinetSlot => ({
  specialistId: slot.specialistId,
  specialistName: context.schedule.specialists.find((s) => s.id === slot.specialistId)?.displayName ?? '',
  serviceTypeId: slot.serviceTypeId,
  startsAt: slot.startsAt,
  endsAt: slot.endsAt,
});

function search(context: SlotContext, query: Omit<SlotQuery, 'limit'>, limit: number): CabinetSlot[] {
  return freeSlots(context, { ...query, limit }).map((slot) => cabinetSlot(context, slot));
}

/** Free times, earliest first. */
export async function searchSlots(
  db: Knex,
  clinicId: string,
  request: SearchRequest,
  now: Date,
  limit = 200,
): Promise<CabinetSlot[]> {
  // The engine refuses a bad range; the read is kept within one that may be good.
  const to = request.to > addDays(request.from, maxSearchDays) ? addDays(request.from, maxSearchDays) : request.to;
  const context = await slotContext(db, clinicId, { from: request.from, to }, now);
  return search(
    context,
    {
      ...(request.specialistId === undefined ? {} : { specialistId: request.specialistId }),
      ...(request.specialty === undefined ? {} : { specialtyCode: request.specialty }),
      serviceTypeId: request.serviceTypeId,
      from: request.from,
      to: request.to,
      notBefore: now.toISOString(),
    },
    limit,
  );
}

/** The nearest free times instead of a taken one: the specialist's, else the specialty's. */
export async function alternativesTo(
  db: Knex,
  clinicId: string,
  taken: { specialistId: string; serviceTypeId: string; startsAt: string },
  now: Date,
): Promise<CabinetSlot[]> {
  const from = clinicDay(taken.startsAt);
  const to = addDays(from, 13);
  const context = await slotContext(db, clinicId, { from, to }, now);
  const query = { serviceTypeId: taken.serviceTypeId, from, to, notBefore: now.toISOString() };
  try {
    const own = search(context, { ...query, specialistId: taken.specialistId }, 5);
    if (own.length > 0) return own;
    const specialist = context.schedule.specialists.find((s) => s.id === taken.specialistId);
    return specialist ? search(context, { ...query, specialtyCode: specialist.specialtyCode }, 5) : [];
  } catch {
    // No alternatives is still an answer: the refusal itself must reach the patient.
    return [];
  }
}

/** The patient's booking that may still be changed (booked, not started); 404 / 409 otherwise. */
async function changeableBooking(
  db: Knex | Knex.Transaction,
  ref: PatientRef,
  id: string,
  now: Date,
): Promise<{ row: StoredRow; appointment: Appointment }> {
  const row = await appointmentRow(db, ref.clinicId, id);
  if (!row || row.data.patient_id !== ref.patientId) throw new HttpError(404, 'appointments.not_found');
  const appointment = appointmentOf(row);
  if (!canChange(appointment, now)) {
    throw new HttpError(409, 'appointments.not_active', { params: { status: appointment.status } });
  }
  return { row, appointment };
}

/** A patient may cancel or move a booking that is booked and has not started. */
export function canChange(appointment: Appointment, now: Date): boolean {
  return appointment.status === 'booked' && Date.parse(appointment.startsAt) > now.getTime();
}

const statusOf = (code: ErrorCode): number =>
  code === 'appointments.slot.patient_busy' || code === 'appointments.slot.too_many' ? 409 : 422;

/** Holds a free time for the patient for `holdMinutes`; `replacesId`: for a move of that booking. */
export async function holdSlot(
  db: Knex,
  ref: PatientRef,
  request: { specialistId: string; serviceTypeId: string; startsAt: string; replacesId: string | null },
  now: Date,
): Promise<Hold> {
  if (request.replacesId !== null) await changeableBooking(db, ref, request.replacesId, now);
  const holdId = uuidv7();
  const expiresAt = new Date(now.getTime() + holdMinutes * 60_000);
  const taken = await db.transaction(async (trx) => {
    const day = clinicDay(request.startsAt);
    const context = await slotContext(trx, ref.clinicId, { from: day, to: day }, now, request.replacesId);
    const service = context.schedule.serviceTypes.find((type) => type.id === request.serviceTypeId && type.active);
    if (!service) throw new HttpError(422, 'appointments.service.unknown', { field: 'serviceTypeId' });
    const endsAt = new Date(Date.parse(request.startsAt) + service.durationMin * 60_000).toISOString();
    const patientFuture = await patientFutureCount(trx, ref.clinicId, ref.patientId, now, request.replacesId);
    const booking = { ...request, appointmentId: holdId, patientId: ref.patientId, endsAt };
    const problem = checkBooking({ ...context, now: now.toISOString(), patientFuture }, booking);
    if (problem?.code === 'appointments.slot.taken') return true;
    if (problem)
      throw new HttpError(statusOf(problem.code), problem.code, { field: problem.field, params: problem.params });
    // A move: the hold joins the booking's claim group (claims.ts), replacing an earlier try.
    const replaced = request.replacesId === null ? undefined : await findClaim(trx, ref.clinicId, request.replacesId);
    if (replaced) await dropHoldsOf(trx, ref.clinicId, ref.accountId, replaced.group);
    const claim = await claimSlot(
      trx,
      {
        id: holdId,
        clinicId: ref.clinicId,
        specialistId: request.specialistId,
        roomId: slotRoom(context, request.specialistId, request.startsAt),
        patientId: ref.patientId,
        serviceTypeId: request.serviceTypeId,
        startsAt: request.startsAt,
        endsAt,
        holdExpiresAt: expiresAt,
        accountId: ref.accountId,
      },
      now,
      { replaces: request.replacesId },
    );
    if (claim.claimed) return false;
    if (claim.code === 'appointments.slot.taken') return true;
    throw new HttpError(409, claim.code, { field: 'startsAt' });
  });
  if (taken) throw new SlotTakenError(await alternativesTo(db, ref.clinicId, request, now));
  return { holdId, expiresAt: expiresAt.toISOString() };
}

/** The account's live hold, confirmed in `trx`; 404 / 410 otherwise. */
async function heldFor(
  trx: Knex.Transaction,
  ref: PatientRef,
  holdId: string,
  now: Date,
  group: string = holdId,
): Promise<HeldClaim> {
  const outcome = await confirmHold(trx, ref.clinicId, holdId, ref.accountId, now, group);
  if (outcome.confirmed && outcome.claim.patientId === ref.patientId) return outcome.claim;
  if (!outcome.confirmed && outcome.code === 'appointments.hold.expired') {
    throw new HttpError(410, outcome.code, { params: { minutes: holdMinutes } });
  }
  throw new HttpError(404, 'appointments.hold.not_found', { field: 'holdId' });
}

async function serviceMode(trx: Knex.Transaction, clinicId: string, serviceTypeId: string): Promise<string> {
  const row = await trx('records')
    .where({ table_name: 'service_types', clinic_id: clinicId, id: serviceTypeId })
    .first<{ data: unknown } | undefined>('data');
  const mode = (row?.data as Record<string, unknown> | undefined)?.mode;
  return mode === 'remote' ? 'remote' : 'in_person';
}

function bookedRow(
  claim: HeldClaim,
  mode: string,
  extra: { timeZone: string | null; note: string | null },
  at: string,
) {
  return {
    patient_id: claim.patientId,
    specialist_id: claim.specialistId,
    room_id: claim.roomId,
    service_type_id: claim.serviceTypeId,
    starts_at: claim.startsAt,
    ends_at: claim.endsAt,
    mode,
    status: 'booked',
    source: 'cabinet',
    replaces_id: null,
    note: extra.note,
    patient_time_zone: extra.timeZone,
    booked_at: at,
    ...bookedBlank,
  };
}

/** An IANA zone the server's Intl knows; 422 otherwise. */
export function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    throw new HttpError(422, 'appointments.time_zone.invalid', { field: 'timeZone', params: { zone } });
  }
}

/** The hold becomes the patient's booking (source `cabinet`); returns its id. */
export async function confirmBooking(
  db: Knex,
  ref: PatientRef,
  request: { holdId: string; timeZone: string; note: string | null },
  now: Date,
): Promise<string> {
  const timeZone = checkTimeZone(request.timeZone);
  const at = now.toISOString();
  return withChangeLog(db, { now, clinicId: ref.clinicId }, async (log) => {
    const claim = await heldFor(log.trx, ref, request.holdId, now);
    const mode = await serviceMode(log.trx, ref.clinicId, claim.serviceTypeId);
    const fields = bookedRow(claim, mode, { timeZone, note: request.note }, at);
    await announce(log, 'booked', await writeAppointment(log, claim.id, undefined, fields, at));
    return claim.id;
  });
}

/** Moves the booking to the time of a hold made for it: the new time is held, then the old one freed. */
export async function moveBooking(db: Knex, ref: PatientRef, id: string, holdId: string, now: Date): Promise<string> {
  const at = now.toISOString();
  return withChangeLog(db, { now, clinicId: ref.clinicId }, async (log) => {
    const old = await changeableBooking(log.trx, ref, id, now);
    // Only a hold made for this move (in the booking's claim group) moves it.
    const group = (await findClaim(log.trx, ref.clinicId, id))?.group ?? id;
    const claim = await heldFor(log.trx, ref, holdId, now, group);
    const mode = await serviceMode(log.trx, ref.clinicId, claim.serviceTypeId);
    const kept = { timeZone: old.appointment.patientTimeZone, note: old.appointment.note };
    const fields = { ...bookedRow(claim, mode, kept, at), replaces_id: id };
    const moved = await writeAppointment(log, claim.id, undefined, fields, at);
    const previous = await writeAppointment(log, id, old.row, { status: 'moved', replaced_by: claim.id }, at);
    await releaseClaim(log.trx, ref.clinicId, id);
    await announce(log, 'moved', moved, previous);
    return claim.id;
  });
}

/** Cancels the patient's booking and frees its time. */
export async function cancelBooking(
  db: Knex,
  ref: PatientRef,
  id: string,
  reason: string | null,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await withChangeLog(db, { now, clinicId: ref.clinicId }, async (log) => {
    const { row } = await changeableBooking(log.trx, ref, id, now);
    const fields = { status: 'cancelled', cancelled_at: at, cancelled_by: 'patient', cancel_reason: reason };
    const cancelled = await writeAppointment(log, id, row, fields, at);
    await releaseClaim(log.trx, ref.clinicId, id);
    await announce(log, 'cancelled', cancelled);
  });
}

/** The patient's bookings, newest first (moved ones are replaced by their new booking and left out). */
export async function patientBookings(db: Knex, ref: PatientRef): Promise<Appointment[]> {
  const rows = await db('records')
    .where({ table_name: 'appointments', clinic_id: ref.clinicId })
    .whereRaw("data->>'patient_id' = ?", [ref.patientId])
    .whereRaw("data->>'status' NOT IN ('moved', 'refused')")
    .orderByRaw("data->>'starts_at' DESC")
    .select<{ id: string; data: unknown; field_versions: unknown }[]>('id', 'data', 'field_versions');
  return rows.map((row) => appointmentOf(stored(row)));
}
