import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import { appointmentFromRow } from '../../../shared/appointments/rows';
import type { Appointment } from '../../../shared/appointments/schedule';
import { toRecord } from '../../db/values';
import { queuePatientMessages } from './patient-messages';
import { reminderDueAt } from './reminder-time';

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
): { stop(): Promise<void>; kick(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const pass = (): Promise<void> => {
    if (stopped) return running;
    running = running
      .then(() => sweepReminders(deps.db, deps.now(), () => !stopped))
      .then((result) => {
        if (result.queued + result.dropped > 0) log.info(result, 'appointment reminders swept');
      })
      .catch((error: unknown) => log.warn({ err: error }, 'the appointment reminder sweep failed'));
    return running;
  };
  void pass();
  const timer = setInterval(() => void pass(), deps.sweepMs ?? reminderSweepMs);
  timer.unref();
  return {
    kick: pass,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
