import type { Knex } from 'knex';
import { checkBooking, type BookingProblem } from '../../shared/appointments/booking-check';
import { appointmentFromRow } from '../../shared/appointments/rows';
import type { Appointment } from '../../shared/appointments/schedule';
import type { ErrorCode } from '../../shared/errors/catalog';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import type { ChangeLogWriter } from '../sync/change-log';
import { refusal, type RowState, type RuleScope, type TableRule } from '../sync/table-rules';
import { announce, appointmentOf, appointmentRow, bookedBlank, writeAppointment } from './booking-rows';
import { claimSlot, patientFutureCount, releaseClaim } from './claims';
import { clinicDay, slotContext, slotRoom } from './schedule-snapshot';

/**
 * Desks' writes to bookings, judged by the server (E1, issue 13 "booking that cannot double-book").
 * A desk — maybe offline — writes a booking `requested`; here it is checked against the server's
 * schedule by the same rules the desk ran (checkBooking), then its time is claimed
 * (claims.ts: the database refuses an overlap); refused, the desk is told the code and nothing is
 * stored. Applied, the server writes it `booked` (and, for a move, the old booking `moved`, its
 * time freed in the same transaction once the new one is held). Afterwards a desk may cancel it
 * (the time is freed) or mark arrival or a no-show; every other change is refused.
 */
const stamps: readonly string[] = ['updated_at', 'updated_by', 'device_id'];

/** Set by the server, never by a desk's new booking. */
const serverFields = Object.keys(bookedBlank).concat(['booked_at']);

/** The changes a desk makes to a booking the server holds, and the fields each may touch. */
const moves: Readonly<Record<string, readonly string[]>> = {
  'booked>booked': ['note'],
  'booked>cancelled': ['cancelled_at', 'cancelled_by', 'cancel_reason', 'note'],
  'booked>arrived': ['arrived_at', 'note'],
  'booked>no_show': ['no_show_at', 'note'],
  'arrived>arrived': ['note'],
};

/** checkBooking's request fields → the row's columns, to name the field to blame. */
const columns: Readonly<Record<BookingProblem['field'], string>> = {
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  specialistId: 'specialist_id',
  serviceTypeId: 'service_type_id',
  patientId: 'patient_id',
};

/** What a new booking's check decided, for its follow-up (the same mutation object reaches both). */
interface Booked {
  roomId: string | null;
  mode: Appointment['mode'];
  replaces: Appointment | null;
}
const decided = new WeakMap<Mutation, Booked>();

/** The push's clock: sync's context carries it beside the clinic (tests move it). */
function nowOf(scope: RuleScope): Date {
  const now = (scope as RuleScope & { now?: unknown }).now;
  return now instanceof Date ? now : new Date();
}

const present = (value: unknown): boolean => value !== null && value !== undefined && value !== '';

function isIsoInstant(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
}

/** The column a converter's error names (rows.ts: "… field <column> …"). */
const faultyField = (error: unknown): string => /field (\w+)/.exec(String((error as Error).message))?.[1] ?? 'id';

async function patientKnown(trx: Knex.Transaction, clinicId: string, patientId: string): Promise<boolean> {
  const row = await trx('records')
    .where({ table_name: 'patients', clinic_id: clinicId, id: patientId })
    .first<{ id: string } | undefined>('id');
  return row !== undefined;
}

async function refuseRequest(
  trx: Knex.Transaction,
  mutation: Mutation,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const changed = mutation.changed;
  const refuse = (code: ErrorCode, field?: string) => refusal(mutation, code, field);
  if (changed.status !== 'requested') return refuse('appointments.transition', 'status');
  if (changed.source !== 'desk') return refuse('appointments.field.server_only', 'source');
  const forged = serverFields.find((field) => present(changed[field]));
  if (forged) return refuse('appointments.field.server_only', forged);
  let request: Appointment;
  try {
    request = appointmentFromRow({ ...changed, ...bookedBlank, booked_at: null, id: mutation.rowId });
  } catch (error) {
    return refuse('appointments.row.invalid', faultyField(error));
  }
  if (!(await patientKnown(trx, scope.clinicId, request.patientId))) {
    return refuse('appointments.patient.unknown', 'patient_id');
  }
  let replaces: Appointment | null = null;
  if (request.replacesId !== null) {
    const old = await appointmentRow(trx, scope.clinicId, request.replacesId);
    if (!old || old.data.patient_id !== request.patientId) return refuse('appointments.not_found', 'replaces_id');
    replaces = appointmentOf(old);
    if (replaces.status !== 'booked') return refuse('appointments.not_active', 'replaces_id');
  }
  const now = nowOf(scope);
  const day = clinicDay(request.startsAt);
  const context = await slotContext(trx, scope.clinicId, { from: day, to: day }, now, request.replacesId);
  const patientFuture = await patientFutureCount(trx, scope.clinicId, request.patientId, now, request.replacesId);
  const problem = checkBooking(
    { ...context, now: now.toISOString(), patientFuture },
    {
      appointmentId: request.id,
      patientId: request.patientId,
      specialistId: request.specialistId,
      serviceTypeId: request.serviceTypeId,
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      replacesId: request.replacesId,
    },
  );
  if (problem) return refuse(problem.code, columns[problem.field]);
  const roomId = slotRoom(context, request.specialistId, request.startsAt);
  const claim = await claimSlot(
    trx,
    {
      id: request.id,
      clinicId: scope.clinicId,
      specialistId: request.specialistId,
      roomId,
      patientId: request.patientId,
      serviceTypeId: request.serviceTypeId,
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      holdExpiresAt: null,
      accountId: null,
    },
    now,
    { replaces: request.replacesId },
  );
  if (!claim.claimed) return refuse(claim.code, 'starts_at');
  const service = context.schedule.serviceTypes.find((type) => type.id === request.serviceTypeId);
  decided.set(mutation, { roomId, mode: service?.mode ?? request.mode, replaces });
  return null;
}

function refuseChange(mutation: Mutation, current: RowState, scope: RuleScope): MutationResult | null {
  const refuse = (code: ErrorCode, field?: string) => refusal(mutation, code, field);
  const before = current.data;
  const changed = mutation.changed;
  const after = { ...before, ...changed };
  const from = String(before.status);
  const to = String(after.status);
  if (from !== 'booked' && from !== 'arrived') return refuse('appointments.not_active', 'status');
  const allowed = moves[`${from}>${to}`];
  if (!allowed) return refuse('appointments.transition', 'status');
  for (const [field, value] of Object.entries(changed)) {
    if (field === 'status' || stamps.includes(field) || allowed.includes(field) || (before[field] ?? null) === value) {
      continue;
    }
    return refuse(serverFields.includes(field) ? 'appointments.field.server_only' : 'appointments.field.fixed', field);
  }
  const marks: Record<string, string> = { cancelled: 'cancelled_at', arrived: 'arrived_at', no_show: 'no_show_at' };
  const mark = marks[to];
  if (mark !== undefined && from !== to && !isIsoInstant(after[mark])) return refuse('appointments.row.invalid', mark);
  if (to === 'no_show' && nowOf(scope).getTime() < Date.parse(String(before.starts_at))) {
    return refuse('appointments.mark.too_early', 'no_show_at');
  }
  return null;
}

/** Once applied: a new booking becomes `booked` (a move's old one `moved`); a cancelled one frees its time. */
async function followUp(log: ChangeLogWriter, mutation: Mutation, before: RowState | undefined, now: Date) {
  const row = await appointmentRow(log.trx, log.clinicId, mutation.rowId);
  if (!row) return;
  const at = now.toISOString();
  const booked = decided.get(mutation);
  if (before === undefined && booked) {
    const fields = { ...bookedBlank, status: 'booked', booked_at: at, room_id: booked.roomId, mode: booked.mode };
    const appointment = await writeAppointment(log, row.id, row, fields, at);
    if (!booked.replaces) return announce(log, 'booked', appointment);
    const old = await appointmentRow(log.trx, log.clinicId, booked.replaces.id);
    const moved = await writeAppointment(log, booked.replaces.id, old, { status: 'moved', replaced_by: row.id }, at);
    // The new time is held (claimed in the check); only now is the old one freed.
    await releaseClaim(log.trx, log.clinicId, booked.replaces.id);
    return announce(log, 'moved', appointment, moved);
  }
  if (before?.data.status !== 'cancelled' && row.data.status === 'cancelled') {
    await releaseClaim(log.trx, log.clinicId, row.id);
    await announce(log, 'cancelled', appointmentOf(row));
  }
}

/** Bookings: the front desk's (`appointments.write`). */
export const appointmentRule: TableRule = {
  table: 'appointments',
  permission: 'appointments.write',
  refuse: (trx, mutation, current, scope) =>
    current === undefined ? refuseRequest(trx, mutation, scope) : refuseChange(mutation, current, scope),
  afterApply: followUp,
};
