import type { z } from 'zod';
import type { AppointmentView } from '../../../shared/api/appointments-calls';
import type { CallOutput, Contract } from '../../../shared/api/contract';
import { attachmentFromRow, type Row } from '../../../shared/appointments/rows';
import { addDays, localInstant } from '../../../shared/appointments/local-time';
import { clinicTimeZone, maxSearchDays } from '../../../shared/appointments/schedule';
import { workingDay } from '../../../shared/appointments/working-day';
import { epochDay } from '../../../shared/domain/business-days';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import type { ReadTx, Tx } from '../../store/open-store';
import { recordRead } from '../../store/record-door';
import { requireChartPatient } from '../chart/entry-context';
import { appointmentViews } from './appointment-views';
import { scheduleCalendar } from './schedule-calendar';
import { readSchedule } from './schedule-rows';
import { chunks, placeholders } from './sql-list';

type ReadContext = Pick<ServiceContext, 'store' | 'clock' | 'actor'>;
type RangeInput = z.output<Contract['appointments.range']['input']>;

/** The days from `from` to `to` inclusive, refused when reversed or longer than a search may be. */
export function daysOf(from: string, to: string): string[] {
  const count = epochDay(to) - epochDay(from) + 1;
  if (count < 1 || count > maxSearchDays)
    throw new AppError('appointments.search.range', { field: 'to', params: { max: maxSearchDays } });
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** The instants that bound the clinic's local days `from`…`to`. */
function instantsOf(from: string, to: string): { start: string; end: string } {
  return {
    start: localInstant(from, '00:00', clinicTimeZone),
    end: localInstant(addDays(to, 1), '00:00', clinicTimeZone),
  };
}

function auditRead(ctx: ReadContext, tx: Tx, action: string, views: readonly AppointmentView[], patientId?: string) {
  recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'appointments.read', {
    action,
    ...(patientId === undefined ? {} : { patientId }),
    details: { appointments: views.length, patients: [...new Set(views.map((view) => view.patientId))] },
  });
}

function bookingsOf(
  tx: ReadTx,
  column: 'specialist_id' | 'room_id',
  ids: readonly string[],
  start: string,
  end: string,
) {
  return chunks(ids).flatMap((piece) =>
    tx.all<Row>(
      `SELECT * FROM appointments WHERE ${column} IN ${placeholders(piece)} AND starts_at >= ? AND starts_at < ?`,
      [...piece, start, end],
    ),
  );
}

/**
 * The day and week views (E1, screens): every booking of these specialists or in these rooms
 * that starts within the days (cancelled, moved and refused ones too: the screen greys them),
 * and each specialist's working hours on each day. Neither list given: every active specialist.
 * With rooms only, the days of the specialists who work in those rooms. Audited with the patients shown.
 */
export function appointmentRange(ctx: ReadContext, input: RangeInput): CallOutput<'appointments.range'> {
  const dates = daysOf(input.from, input.to);
  return ctx.store.transaction((tx) => {
    const schedule = readSchedule(tx);
    const calendar = scheduleCalendar(ctx, dates);
    const { start, end } = instantsOf(input.from, input.to);
    const bySpecialist =
      input.specialistIds ?? (input.roomIds ? [] : schedule.specialists.filter((s) => s.active).map((s) => s.id));
    const rows = new Map<string, Row>();
    for (const row of bookingsOf(tx, 'specialist_id', bySpecialist, start, end)) rows.set(String(row.id), row);
    for (const row of bookingsOf(tx, 'room_id', input.roomIds ?? [], start, end)) rows.set(String(row.id), row);
    const ordered = [...rows.values()].sort(
      (a, b) => String(a.starts_at).localeCompare(String(b.starts_at)) || String(a.id).localeCompare(String(b.id)),
    );
    const roomSet = input.roomIds ? new Set(input.roomIds) : null;
    const candidates = input.specialistIds ?? schedule.specialists.filter((s) => s.active).map((s) => s.id);
    const days = candidates.flatMap((specialistId) =>
      dates.map((date) => ({ specialistId, date, ...workingDay(schedule, calendar, specialistId, date) })),
    );
    const shownDays =
      roomSet === null || input.specialistIds
        ? days
        : days.filter((day) => day.periods.some((period) => period.roomId !== null && roomSet.has(period.roomId)));
    const appointments = appointmentViews(tx, ordered);
    auditRead(ctx, tx, 'appointments.range', appointments);
    return {
      appointments,
      days: shownDays.map((day) => ({
        specialistId: day.specialistId,
        date: day.date,
        roomId: day.roomId,
        periods: day.periods.map((period) => ({ starts: period.starts, ends: period.ends })),
        breaks: day.breaks,
        reason: day.reason,
      })),
    };
  });
}

/**
 * The signed-in doctor's day: the specialist whose staff account they are, and the bookings of
 * that day still to be seen or seen (not cancelled, moved or refused). Not a specialist: none.
 */
export function myAppointments(ctx: ReadContext, date: string): CallOutput<'appointments.mine'> {
  return ctx.store.transaction((tx) => {
    const specialist = tx.get<{ id: string }>(
      'SELECT id FROM specialists WHERE staff_id = ? ORDER BY active DESC, id LIMIT 1',
      [ctx.actor.staffId],
    );
    if (!specialist) return { specialistId: null, appointments: [] };
    const { start, end } = instantsOf(date, date);
    const rows = tx.all<Row>(
      `SELECT * FROM appointments WHERE specialist_id = ? AND starts_at >= ? AND starts_at < ?
         AND status NOT IN ('cancelled', 'moved', 'refused') ORDER BY starts_at, id`,
      [specialist.id, start, end],
    );
    const appointments = appointmentViews(tx, rows).filter((view) => view.pending !== 'refused');
    auditRead(ctx, tx, 'appointments.mine', appointments);
    return { specialistId: specialist.id, appointments };
  });
}

/** One patient's bookings (the card's tab): upcoming first, soonest first; then the past, latest first. */
export function patientAppointments(ctx: ReadContext, patientId: string): CallOutput<'appointments.patient'> {
  return ctx.store.transaction((tx) => {
    requireChartPatient(tx, patientId);
    const now = ctx.clock.now().toISOString();
    const rows = tx.all<Row>(
      `SELECT * FROM appointments WHERE patient_id = ?
        ORDER BY starts_at >= ? DESC, CASE WHEN starts_at >= ? THEN starts_at END, starts_at DESC, id`,
      [patientId, now, now],
    );
    const items = appointmentViews(tx, rows);
    auditRead(ctx, tx, 'appointments.patient', items, patientId);
    return { items };
  });
}

/** The booking's row, or `appointments.not_found` on `field`. */
export function requireAppointmentRow(tx: ReadTx, id: string, field = 'appointmentId'): Row {
  const row = tx.get<Row>('SELECT * FROM appointments WHERE id = ?', [id]);
  if (!row) throw new AppError('appointments.not_found', { field });
  return row;
}

/** One booking with its attachments (the doctor's view of what the patient brought, E2); audited. */
export function getAppointment(ctx: ReadContext, appointmentId: string): CallOutput<'appointments.get'> {
  return ctx.store.transaction((tx) => {
    const [appointment] = appointmentViews(tx, [requireAppointmentRow(tx, appointmentId)]);
    const attachments = tx
      .all<Row>(
        'SELECT * FROM appointment_attachments WHERE appointment_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
        [appointmentId],
      )
      .map(attachmentFromRow);
    auditRead(ctx, tx, 'appointments.get', [appointment!], appointment!.patientId);
    return { appointment: appointment!, attachments };
  });
}
