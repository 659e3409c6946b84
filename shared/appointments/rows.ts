import type { z } from 'zod';
import {
  activeAppointmentStatuses,
  appointmentAttachmentSchema,
  appointmentSchema,
  roomSchema,
  scheduleExceptionSchema,
  serviceTypeSchema,
  specialistSchema,
  workPatternSchema,
  type Appointment,
  type AppointmentAttachment,
  type BusyInterval,
  type Room,
  type ScheduleException,
  type ScheduleSnapshot,
  type ServiceType,
  type Specialist,
  type WorkPattern,
} from './schedule';

/**
 * Synced rows of the schedule and bookings tables → the models (schedule.ts). Both ends read the
 * same columns (the desk's SQLite columns, the server's `records.data` keys: the syncedFields
 * names), so both use these. A row that does not fit is damaged data, not a user's mistake: the
 * converters throw a plain Error naming the table, the row and the field, never guess a value.
 */
export type Row = Readonly<Record<string, unknown>>;

type Table =
  | 'specialists'
  | 'rooms'
  | 'service_types'
  | 'work_patterns'
  | 'schedule_exceptions'
  | 'appointments'
  | 'appointment_attachments';

class RowReader {
  constructor(
    private readonly table: Table,
    private readonly row: Row,
  ) {}

  private fail(field: string, why: string): never {
    const id = typeof this.row.id === 'string' ? this.row.id : '?';
    throw new Error(`${this.table} row ${id}: field ${field} ${why}`);
  }

  /** A value as stored (undefined reads as null: a server row may omit a null key). */
  value(field: string): unknown {
    const value = this.row[field];
    return value === undefined ? null : value;
  }

  /** Integers come back as numbers, or as bigints from a driver in safe-integer mode. */
  integer(field: string): number | null {
    const value = this.value(field);
    if (value === null) return null;
    const number = typeof value === 'bigint' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number)) this.fail(field, 'is not an integer');
    return number;
  }

  /** Booleans are stored as 0/1 (SQLite has none); a JSON `true`/`false` is read too. */
  boolean(field: string): boolean {
    const value = this.value(field);
    if (value === 1 || value === 1n || value === true) return true;
    if (value === 0 || value === 0n || value === false) return false;
    return this.fail(field, 'is not 0/1');
  }

  /** A JSON text column (`breaks`, `service_type_ids`); an already parsed value is taken as is. */
  json(field: string): unknown {
    const value = this.value(field);
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return this.fail(field, 'is not JSON text');
    }
  }

  /** The model checked by its schema; a failure names the first field at fault. */
  parse<S extends z.ZodType>(schema: S, model: Record<string, unknown>, columns: Record<string, string>): z.infer<S> {
    const result = schema.safeParse(model);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const key = String(issue?.path[0] ?? '?');
    return this.fail(columns[key] ?? key, `is not valid (${issue?.message ?? 'unknown'})`);
  }
}

/** Reads `columns` (model key → column) as they are, with the given overrides, and checks the model. */
function convert<S extends z.ZodType>(
  table: Table,
  schema: S,
  row: Row,
  columns: Record<string, string>,
  read: (reader: RowReader) => Record<string, unknown> = () => ({}),
): z.infer<S> {
  const reader = new RowReader(table, row);
  const model: Record<string, unknown> = { id: reader.value('id') };
  for (const [key, column] of Object.entries(columns)) model[key] = reader.value(column);
  Object.assign(model, read(reader));
  return reader.parse(schema, model, { id: 'id', ...columns });
}

export function specialistFromRow(row: Row): Specialist {
  return convert(
    'specialists',
    specialistSchema,
    row,
    {
      staffId: 'staff_id',
      displayName: 'display_name',
      specialtyCode: 'specialty_code',
      positionCode: 'position_code',
      department: 'department',
      roomId: 'room_id',
      active: 'active',
    },
    (r) => ({ active: r.boolean('active') }),
  );
}

export function roomFromRow(row: Row): Room {
  return convert('rooms', roomSchema, row, { name: 'name', active: 'active' }, (r) => ({
    active: r.boolean('active'),
  }));
}

export function serviceTypeFromRow(row: Row): ServiceType {
  return convert(
    'service_types',
    serviceTypeSchema,
    row,
    {
      serviceCode: 'service_code',
      name: 'name',
      durationMin: 'duration_min',
      mode: 'mode',
      dailyLimit: 'daily_limit',
      instructions: 'instructions',
      active: 'active',
    },
    (r) => ({
      durationMin: r.integer('duration_min'),
      dailyLimit: r.integer('daily_limit'),
      active: r.boolean('active'),
    }),
  );
}

export function workPatternFromRow(row: Row): WorkPattern {
  return convert(
    'work_patterns',
    workPatternSchema,
    row,
    {
      specialistId: 'specialist_id',
      roomId: 'room_id',
      weekday: 'weekday',
      starts: 'starts',
      ends: 'ends',
      breaks: 'breaks',
      serviceTypeIds: 'service_type_ids',
      validFrom: 'valid_from',
      validTo: 'valid_to',
    },
    (r) => ({
      weekday: r.integer('weekday'),
      // An empty column means no breaks; `service_type_ids` null means every service.
      breaks: r.json('breaks') ?? [],
      serviceTypeIds: r.json('service_type_ids'),
    }),
  );
}

export function scheduleExceptionFromRow(row: Row): ScheduleException {
  return convert('schedule_exceptions', scheduleExceptionSchema, row, {
    specialistId: 'specialist_id',
    kind: 'kind',
    fromDate: 'from_date',
    toDate: 'to_date',
    starts: 'starts',
    ends: 'ends',
    note: 'note',
  });
}

export function appointmentFromRow(row: Row): Appointment {
  return convert('appointments', appointmentSchema, row, {
    patientId: 'patient_id',
    specialistId: 'specialist_id',
    roomId: 'room_id',
    serviceTypeId: 'service_type_id',
    startsAt: 'starts_at',
    endsAt: 'ends_at',
    mode: 'mode',
    status: 'status',
    source: 'source',
    replacesId: 'replaces_id',
    replacedBy: 'replaced_by',
    refusedCode: 'refused_code',
    note: 'note',
    patientTimeZone: 'patient_time_zone',
    bookedAt: 'booked_at',
    cancelledAt: 'cancelled_at',
    cancelledBy: 'cancelled_by',
    cancelReason: 'cancel_reason',
    arrivedAt: 'arrived_at',
    noShowAt: 'no_show_at',
  });
}

export function attachmentFromRow(row: Row): AppointmentAttachment {
  return convert('appointment_attachments', appointmentAttachmentSchema, row, {
    appointmentId: 'appointment_id',
    patientId: 'patient_id',
    kind: 'kind',
    title: 'title',
    scanId: 'scan_id',
    chartEntryId: 'chart_entry_id',
    addedVia: 'added_via',
    createdAt: 'created_at',
  });
}

/** What a booking occupies. Only bookings in `activeAppointmentStatuses` occupy anything: see `occupiesSlot`. */
export function busyFromAppointment(a: Appointment): BusyInterval {
  return {
    appointmentId: a.id,
    specialistId: a.specialistId,
    roomId: a.roomId,
    patientId: a.patientId,
    serviceTypeId: a.serviceTypeId,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
  };
}

/** Whether a booking holds its slot (requested, booked, arrived); cancelled, moved and refused ones do not. */
export function occupiesSlot(a: Appointment): boolean {
  return activeAppointmentStatuses.includes(a.status);
}

/** The rows of the five schedule tables, as read (deleted patterns and exceptions are skipped here). */
export interface ScheduleRows {
  specialists: readonly Row[];
  rooms: readonly Row[];
  serviceTypes: readonly Row[];
  patterns: readonly Row[];
  exceptions: readonly Row[];
}

const notDeleted = (row: Row): boolean => row.deleted_at === null || row.deleted_at === undefined;

/** A clinic's ScheduleSnapshot from its rows (either end); inactive specialists and services stay in it. */
export function scheduleFromRows(rows: ScheduleRows): ScheduleSnapshot {
  return {
    specialists: rows.specialists.map(specialistFromRow),
    rooms: rows.rooms.map(roomFromRow),
    serviceTypes: rows.serviceTypes.map(serviceTypeFromRow),
    patterns: rows.patterns.filter(notDeleted).map(workPatternFromRow),
    exceptions: rows.exceptions.filter(notDeleted).map(scheduleExceptionFromRow),
  };
}
