import type { z } from 'zod';
import type { Contract } from '../../../shared/api/contract';
import type { ScheduleView } from '../../../shared/api/appointments-calls';
import {
  roomFromRow,
  scheduleExceptionFromRow,
  serviceTypeFromRow,
  specialistFromRow,
  workPatternFromRow,
  type Row,
} from '../../../shared/appointments/rows';
import type { Room, ScheduleException, ServiceType, WorkPattern } from '../../../shared/appointments/schedule';
import { exceptionProblem, patternProblem, scheduleError } from '../../../shared/appointments/schedule-rules';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import type { Tx } from '../../store/open-store';
import { insertRecord, updateRecord, type FieldValue } from '../../store/record-door';
import { requireScheduleCode } from './schedule-codes';
import { namedSpecialists } from './schedule-options';
import { readSchedule } from './schedule-rows';

type Input<N extends keyof Contract> = z.output<Contract[N]['input']>;
type ScheduleContext = Pick<ServiceContext, 'store' | 'clock' | 'actor'>;
type ScheduleTable = 'specialists' | 'rooms' | 'service_types' | 'work_patterns' | 'schedule_exceptions';

function rowOf(tx: Tx, table: ScheduleTable, id: string): Row | undefined {
  return tx.get<Row>(`SELECT * FROM ${table} WHERE id = ?`, [id]);
}

/** The item's row, or `schedules.not_found` on `field`; removed patterns and exceptions count as gone. */
function requireRow(tx: Tx, table: ScheduleTable, id: string, field = 'id'): Row {
  const row = rowOf(tx, table, id);
  if (!row || (row.deleted_at !== undefined && row.deleted_at !== null))
    throw new AppError('schedules.not_found', { field });
  return row;
}

/**
 * Writes one schedule item through the door (`schedules.manage`): a new row, or the changed
 * fields of the given one (`schedules.not_found` when there is none), with its audit event; the
 * change syncs to every desk and the server. Returns the row as stored.
 */
function saveItem(
  ctx: ScheduleContext,
  tx: Tx,
  table: ScheduleTable,
  id: string | undefined,
  fields: Record<string, FieldValue>,
): Row {
  const door = { tx, actor: ctx.actor, at: ctx.clock.now().toISOString() };
  const action = `schedules.save.${table}`;
  if (id === undefined) {
    const newId = insertRecord(door, 'schedules.manage', table, fields, { action, details: { table } });
    return rowOf(tx, table, newId)!;
  }
  requireRow(tx, table, id);
  updateRecord(door, 'schedules.manage', table, id, fields, { action, details: { table, id } });
  return rowOf(tx, table, id)!;
}

const flag = (value: boolean): number => (value ? 1 : 0);

/**
 * A specialist (E1): the specialty and position are current codes of the imported НСИ; the room
 * and the staff account exist.
 */
export function saveSpecialist(
  ctx: ScheduleContext,
  input: Input<'schedules.saveSpecialist'>,
): ScheduleView['specialists'][number] {
  return ctx.store.transaction((tx) => {
    const previous = input.id === undefined ? null : specialistFromRow(requireRow(tx, 'specialists', input.id));
    requireScheduleCode(tx, 'specialties', input.specialtyCode, 'specialtyCode', previous?.specialtyCode);
    requireScheduleCode(tx, 'positions', input.positionCode, 'positionCode', previous?.positionCode);
    if (input.roomId !== null) requireRow(tx, 'rooms', input.roomId, 'roomId');
    if (input.staffId !== null && !tx.get("SELECT 1 FROM staff WHERE id = ? AND kind = 'person'", [input.staffId]))
      throw new AppError('staff.not_found', { field: 'staffId' });
    const named = namedSpecialists(tx, [{ ...input, id: input.id ?? '' }])[0]!;
    const row = saveItem(ctx, tx, 'specialists', input.id, {
      staff_id: input.staffId,
      display_name: input.displayName,
      specialty_code: input.specialtyCode,
      position_code: input.positionCode,
      specialty_name: named.specialtyName,
      position_name: named.positionName,
      department: input.department,
      room_id: input.roomId,
      active: flag(input.active),
    });
    return namedSpecialists(tx, [specialistFromRow(row)])[0]!;
  });
}

export function saveRoom(ctx: ScheduleContext, input: Input<'schedules.saveRoom'>): Room {
  return ctx.store.transaction((tx) =>
    roomFromRow(saveItem(ctx, tx, 'rooms', input.id, { name: input.name, active: flag(input.active) })),
  );
}

/** A service offered by appointment: its code a current one of the НМУ (1070). */
export function saveServiceType(ctx: ScheduleContext, input: Input<'schedules.saveServiceType'>): ServiceType {
  return ctx.store.transaction((tx) => {
    const previous = input.id === undefined ? null : serviceTypeFromRow(requireRow(tx, 'service_types', input.id));
    requireScheduleCode(tx, 'services', input.serviceCode, 'serviceCode', previous?.serviceCode);
    return serviceTypeFromRow(
      saveItem(ctx, tx, 'service_types', input.id, {
        service_code: input.serviceCode,
        name: input.name,
        duration_min: input.durationMin,
        mode: input.mode,
        daily_limit: input.dailyLimit,
        instructions: input.instructions,
        active: flag(input.active),
      }),
    );
  });
}

/** A weekly pattern: its specialist, room and services exist; hours, breaks and overlaps by the schedule's rules. */
export function savePattern(ctx: ScheduleContext, input: Input<'schedules.savePattern'>): WorkPattern {
  return ctx.store.transaction((tx) => {
    if (input.id !== undefined) requireRow(tx, 'work_patterns', input.id);
    if (!rowOf(tx, 'specialists', input.specialistId))
      throw new AppError('appointments.specialist.unknown', { field: 'specialistId' });
    if (input.roomId !== null) requireRow(tx, 'rooms', input.roomId, 'roomId');
    for (const serviceTypeId of input.serviceTypeIds ?? [])
      requireRow(tx, 'service_types', serviceTypeId, 'serviceTypeIds');
    // A new pattern has no id yet: none of the others has the empty one.
    const problem = patternProblem({ ...input, id: input.id ?? '' }, readSchedule(tx).patterns);
    if (problem) throw scheduleError(problem);
    return workPatternFromRow(
      saveItem(ctx, tx, 'work_patterns', input.id, {
        specialist_id: input.specialistId,
        room_id: input.roomId,
        weekday: input.weekday,
        starts: input.starts,
        ends: input.ends,
        breaks: JSON.stringify(input.breaks),
        service_type_ids: input.serviceTypeIds === null ? null : JSON.stringify(input.serviceTypeIds),
        valid_from: input.validFrom,
        valid_to: input.validTo,
      }),
    );
  });
}

/** An exception: a specialist's leave, sickness, day off or one-off hours, or (no specialist) the clinic's day off. */
export function saveException(ctx: ScheduleContext, input: Input<'schedules.saveException'>): ScheduleException {
  return ctx.store.transaction((tx) => {
    if (input.id !== undefined) requireRow(tx, 'schedule_exceptions', input.id);
    if (input.specialistId !== null && !rowOf(tx, 'specialists', input.specialistId))
      throw new AppError('appointments.specialist.unknown', { field: 'specialistId' });
    const problem = exceptionProblem({ ...input, id: input.id ?? '' });
    if (problem) throw scheduleError(problem);
    const hours = input.kind === 'hours';
    return scheduleExceptionFromRow(
      saveItem(ctx, tx, 'schedule_exceptions', input.id, {
        specialist_id: input.specialistId,
        kind: input.kind,
        from_date: input.fromDate,
        to_date: input.toDate,
        starts: hours ? input.starts : null,
        ends: hours ? input.ends : null,
        note: input.note,
      }),
    );
  });
}

/** Removes a pattern or an exception (a tombstone that syncs: `deleted_at`, never undone). */
export function removeScheduleItem(
  ctx: ScheduleContext,
  table: 'work_patterns' | 'schedule_exceptions',
  id: string,
): { removed: true } {
  return ctx.store.transaction((tx) => {
    requireRow(tx, table, id);
    const at = ctx.clock.now().toISOString();
    updateRecord(
      { tx, actor: ctx.actor, at },
      'schedules.manage',
      table,
      id,
      { deleted_at: at },
      {
        action: `schedules.remove.${table}`,
        details: { table, id },
      },
    );
    return { removed: true };
  });
}
