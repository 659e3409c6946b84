import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { addDays, isoWeekday, localDate, localInstant } from '../../../shared/appointments/local-time';
import { clinicTimeZone } from '../../../shared/appointments/schedule';
import type { Mutation, MutationResult } from '../../../shared/sync/protocol';
import { outcomes, pushAs } from '../portal/portal-setup';
import { mutation, newPatient, testStaff, type TestDevice } from '../support/test-server';

/**
 * A clinic's schedule on the test server, pushed as its admin does at a desk (`schedules.manage`),
 * and bookings as a desk's outbox sends them (`requested`, by the test clerk).
 */
const stamp = { created_at: '2026-11-25T08:00:00.000Z', updated_at: '2026-11-25T08:00:00.000Z' };

/** A weekday (ISO) at least `ahead` days from today in the clinic's zone: bookable, not too far. */
export function dayAhead(weekday: number, ahead = 8): string {
  let day = addDays(localDate(new Date().toISOString(), clinicTimeZone), ahead);
  while (isoWeekday(day) !== weekday) day = addDays(day, 1);
  return day;
}

/** The instant of `hhmm` on `day` in the clinic's zone. */
export const at = (day: string, hhmm: string): string => localInstant(day, hhmm, clinicTimeZone);

export const addMinutes = (instant: string, minutes: number): string =>
  new Date(Date.parse(instant) + minutes * 60_000).toISOString();

export interface TestSchedule {
  roomId: string;
  otherRoomId: string;
  /** 20 min, in person: every weekday 09:00–17:00, break 13:00–14:00. */
  consultation: string;
  /** 30 min, at most one a day. */
  limited: string;
  /** 20 min, remote. */
  remote: string;
  /** Not in the therapist's patterns. */
  notOffered: string;
  therapist: string;
  /** Same specialty as the therapist, in the other room: where alternatives come from. */
  colleague: string;
}

async function pushRows(
  desk: TestDevice,
  rows: Array<[string, string, Mutation['changed']]>,
  actorId: string,
): Promise<void> {
  const results = await pushAs(
    desk,
    ...rows.map(([table, rowId, changed]) =>
      mutation({ table, rowId, actorId, changed: { ...changed, ...stamp, created_by: actorId, updated_by: actorId } }),
    ),
  );
  expect(outcomes(results)).toEqual(rows.map(() => 'applied'));
}

const service = (name: string, duration: number, extra: Mutation['changed'] = {}): Mutation['changed'] => ({
  service_code: 'B01.047.001',
  name,
  duration_min: duration,
  mode: 'in_person',
  daily_limit: null,
  instructions: 'Возьмите паспорт и полис',
  active: 1,
  ...extra,
});

/** Two therapists, two rooms, four services; weekdays 09:00–17:00 with a break at 13:00 (pushed by `adminId`). */
export async function scheduleOnServer(
  desk: TestDevice,
  therapistStaffId: string | null = null,
  adminId: string = testStaff.admin,
): Promise<TestSchedule> {
  const ids: TestSchedule = {
    roomId: uuidv7(),
    otherRoomId: uuidv7(),
    consultation: uuidv7(),
    limited: uuidv7(),
    remote: uuidv7(),
    notOffered: uuidv7(),
    therapist: uuidv7(),
    colleague: uuidv7(),
  };
  const specialist = (name: string, roomId: string, staffId: string | null) => ({
    staff_id: staffId,
    display_name: name,
    specialty_code: '76',
    position_code: '109',
    // As the saving desk wrote them from its НСИ.
    specialty_name: 'Терапия',
    position_name: 'Врач-терапевт',
    department: 'Терапевтическое отделение',
    room_id: roomId,
    active: 1,
  });
  const pattern = (specialistId: string, weekday: number) => ({
    specialist_id: specialistId,
    room_id: null,
    weekday,
    starts: '09:00',
    ends: '17:00',
    breaks: JSON.stringify([{ starts: '13:00', ends: '14:00' }]),
    service_type_ids: JSON.stringify([ids.consultation, ids.limited, ids.remote]),
    valid_from: '2026-01-01',
    valid_to: null,
    deleted_at: null,
  });
  await pushRows(
    desk,
    [
      ['rooms', ids.roomId, { name: 'Кабинет 101', active: 1 }],
      ['rooms', ids.otherRoomId, { name: 'Кабинет 102', active: 1 }],
      ['service_types', ids.consultation, service('Приём терапевта', 20)],
      ['service_types', ids.limited, service('ЭКГ с расшифровкой', 30, { daily_limit: 1 })],
      ['service_types', ids.remote, service('Телемедицинская консультация', 20, { mode: 'remote' })],
      ['service_types', ids.notOffered, service('Массаж', 30)],
      ['specialists', ids.therapist, specialist('Петрова Анна Сергеевна', ids.roomId, therapistStaffId)],
      ['specialists', ids.colleague, specialist('Сидоров Олег Иванович', ids.otherRoomId, null)],
      ...[1, 2, 3, 4, 5].flatMap((weekday): Array<[string, string, Mutation['changed']]> => [
        ['work_patterns', uuidv7(), pattern(ids.therapist, weekday)],
        ['work_patterns', uuidv7(), pattern(ids.colleague, weekday)],
      ]),
    ],
    adminId,
  );
  return ids;
}

/** `count` patients enrolled at the desk, in one push (by `clerkId`). */
export async function patientsOnServer(
  desk: TestDevice,
  count: number,
  clerkId: string = testStaff.clerk,
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => uuidv7());
  const results = await pushAs(
    desk,
    ...ids.map((rowId) => mutation({ rowId, actorId: clerkId, changed: { ...newPatient(), created_by: clerkId } })),
  );
  expect(outcomes(results)).toEqual(ids.map(() => 'applied'));
  return ids;
}

export interface DeskBooking {
  patientId: string;
  specialistId: string;
  serviceTypeId: string;
  startsAt: string;
  /** 20 minutes after the start unless told. */
  endsAt?: string;
  replacesId?: string | null;
}

/** A booking as a desk writes it: `requested`, to be judged by the server. */
export function requested(booking: DeskBooking, extra: Mutation['changed'] = {}, actorId: string = testStaff.clerk) {
  return mutation({
    table: 'appointments',
    actorId,
    changed: {
      patient_id: booking.patientId,
      specialist_id: booking.specialistId,
      room_id: null,
      service_type_id: booking.serviceTypeId,
      starts_at: booking.startsAt,
      ends_at: booking.endsAt ?? addMinutes(booking.startsAt, 20),
      mode: 'in_person',
      status: 'requested',
      source: 'desk',
      replaces_id: booking.replacesId ?? null,
      note: null,
      patient_time_zone: clinicTimeZone,
      created_at: new Date().toISOString(),
      created_by: actorId,
      ...extra,
    },
  });
}

/** A desk's change to a booking the server holds (its base: the row's version now). */
export async function deskChange(db: Knex, rowId: string, changed: Mutation['changed']): Promise<Mutation> {
  const row = await db('records')
    .where({ table_name: 'appointments', id: rowId })
    .first<{ version: unknown }>('version');
  return mutation({ table: 'appointments', rowId, baseVersion: Number(row.version), changed });
}

/** A booking's row on the server. */
export async function bookingRow(db: Knex, id: string): Promise<Record<string, unknown> | undefined> {
  const row = await db('records')
    .where({ table_name: 'appointments', id })
    .first<{ data: Record<string, unknown> } | undefined>('data');
  return row?.data;
}

/** The claims (bookings and live holds) overlapping `[from, to)`. */
export async function claimsBetween(db: Knex, from: string, to: string): Promise<string[]> {
  const result = await db.raw<{ rows: { id: string }[] }>(
    `SELECT id FROM appointment_claims WHERE during && tstzrange(?, ?, '[)') ORDER BY id`,
    [from, to],
  );
  return result.rows.map((row) => row.id);
}

/** The refusal code of each result, or its status. */
export const codes = (results: MutationResult[]) => outcomes(results);
