import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import { appointmentFromRow } from '../../../shared/appointments/rows';
import type { Appointment } from '../../../shared/appointments/schedule';
import { toRecord } from '../../db/values';
import { queuePatientMessages } from './patient-messages';
import { reminderDueAt } from './reminder-time';
import { startPeriodicPass, type PeriodicPass } from '../../db/periodic-pass';

/**
 * The reminder the day before (E3), exactly once per booking. A booking plans its reminder
 * (`appointment_reminders`, in the booking's transaction); a cancellation or a move drops it.
 * The sweep queues each due one in the outbox and marks it `queued` in one transaction, the
 * row locked (`FOR UPDATE SKIP LOCKED`, so instances share the work) and the messages under the
 * key `appointment_reminder:<id>` (the outbox's dedupe key): a sweep that stops or dies mid-way
 * either committed both or neither, and whatever picks the row up next finds it done or does it.
 * Before queueing it reads the booking again: no longer booked → dropped; its start changed →
 * planned again.
 */

/** How often the sweep looks for due reminders. */
export const reminderSweepMs = 60_000;
/** Reminders handled per transaction. */
const batchSize = 20;

/** Plans the reminder of a new booking (or none, when no sensible hour is left before it). */
export async function planReminder(
  db: Knex,
  clinicId: string,
  appointment: Appointment,
  bookedAt: Date,
): Promise<void> {
  const due = reminderDueAt(appointment.startsAt, bookedAt, appointment.patientTimeZone);
  if (due === null) return;
  await db('appointment_reminders')
    .insert({
      appointment_id: appointment.id,
      clinic_id: clinicId,
      starts_at: new Date(appointment.startsAt),
      due_at: due,
      status: 'pending',
    })
    .onConflict('appointment_id')
    .ignore();
}

/** A cancelled or moved booking's reminder will not go (one already queued has gone). */
export async function dropReminder(db: Knex, appointmentId: string, at: Date): Promise<void> {
  await db('appointment_reminders')
    .where({ appointment_id: appointmentId, status: 'pending' })
    .update({ status: 'dropped', done_at: at });
}

interface DueRow {
  appointment_id: string;
  clinic_id: string;
  starts_at: Date | string;
}

async function currentAppointment(db: Knex, row: DueRow): Promise<Appointment | null> {
  const record = await db('records')
    .where({ table_name: 'appointments', clinic_id: row.clinic_id, id: row.appointment_id })
    .first<{ data: unknown } | undefined>('data');
  return record ? appointmentFromRow({ ...toRecord(record.data), id: row.appointment_id }) : null;
}

/** One due reminder, under its row's lock: queued, dropped or planned again. */
async function settle(trx: Knex.Transaction, row: DueRow, now: Date): Promise<'queued' | 'dropped' | 'planned'> {
  const appointment = await currentAppointment(trx, row);
  const mark = (status: 'queued' | 'dropped') =>
    trx('appointment_reminders')
      .where({ appointment_id: row.appointment_id })
      .update({ status, done_at: now })
      .then(() => status);
  if (!appointment || appointment.status !== 'booked' || Date.parse(appointment.startsAt) <= now.getTime()) {
    return mark('dropped');
  }
  if (Date.parse(appointment.startsAt) !== new Date(row.starts_at).getTime()) {
    const due = reminderDueAt(appointment.startsAt, now, appointment.patientTimeZone);
    if (due === null) return mark('dropped');
    await trx('appointment_reminders')
      .where({ appointment_id: row.appointment_id })
      .update({ starts_at: new Date(appointment.startsAt), due_at: due });
    return 'planned';
  }
  await queuePatientMessages(trx, {
    clinicId: row.clinic_id,
    appointment,
    template: 'appointment_reminder',
    extra: {},
    dedupe: `appointment_reminder:${appointment.id}`,
    now,
  });
  return mark('queued');
}

export interface SweepResult {
  queued: number;
  dropped: number;
}

/**
 * Settles every reminder due at `now`, a batch per transaction; `keepGoing` is asked between
 * batches (a stopping sweep finishes its batch and leaves the rest to the next one).
 */
export async function sweepReminders(db: Knex, now: Date, keepGoing: () => boolean = () => true): Promise<SweepResult> {
  const result: SweepResult = { queued: 0, dropped: 0 };
  for (;;) {
    const settled = await db.transaction(async (trx) => {
      const due = await trx('appointment_reminders')
        .where({ status: 'pending' })
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .select<DueRow[]>('appointment_id', 'clinic_id', 'starts_at');
      const outcomes: string[] = [];
      for (const row of due) outcomes.push(await settle(trx, row, now));
      return outcomes;
    });
    result.queued += settled.filter((outcome) => outcome === 'queued').length;
    result.dropped += settled.filter((outcome) => outcome === 'dropped').length;
    if (settled.length < batchSize || !keepGoing()) return result;
  }
}

/** Runs the sweep now and every minute until stopped (server/cabinet/register-cabinet.ts). */
export function startReminderSweep(
  deps: { db: Knex; now: () => Date; sweepMs?: number },
  log: FastifyBaseLogger,
): PeriodicPass {
  return startPeriodicPass({
    intervalMs: deps.sweepMs ?? reminderSweepMs,
    log,
    pass: (stillRunning) => sweepReminders(deps.db, deps.now(), stillRunning),
    logged: (result) => (result.queued + result.dropped > 0 ? { ...result } : null),
    done: 'appointment reminders swept',
    failed: 'the appointment reminder sweep failed',
  });
}
