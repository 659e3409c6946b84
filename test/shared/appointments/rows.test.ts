import { describe, expect, it } from 'vitest';
import {
  appointmentFromRow,
  attachmentFromRow,
  busyFromAppointment,
  occupiesSlot,
  roomFromRow,
  scheduleExceptionFromRow,
  scheduleFromRows,
  serviceTypeFromRow,
  specialistFromRow,
  workPatternFromRow,
} from '../../../shared/appointments/rows';
import { syncedFields } from '../../../shared/sync/protocol';

const stamp = {
  created_at: '2026-12-01T08:00:00.000Z',
  created_by: 'st-1',
  updated_at: '2026-12-01T08:00:00.000Z',
  updated_by: 'st-1',
  device_id: 'dv-1',
};

const specialistRow = {
  id: 'sp-1',
  staff_id: null,
  display_name: 'Иванова Анна Андреевна',
  specialty_code: '27',
  position_code: '110',
  specialty_name: 'Терапия',
  position_name: 'Врач-терапевт участковый',
  department: 'Терапия',
  room_id: 'room-1',
  active: 1,
  ...stamp,
};
const patternRow = {
  id: 'wp-1',
  specialist_id: 'sp-1',
  room_id: null,
  weekday: 1,
  starts: '09:00',
  ends: '18:00',
  breaks: '[{"starts":"13:00","ends":"14:00"}]',
  service_type_ids: null,
  valid_from: '2026-01-01',
  valid_to: null,
  deleted_at: null,
  ...stamp,
};
const appointmentRow = {
  id: 'ap-1',
  patient_id: 'pt-1',
  specialist_id: 'sp-1',
  room_id: 'room-1',
  service_type_id: 'svc-1',
  starts_at: '2026-12-08T06:00:00.000Z',
  ends_at: '2026-12-08T06:20:00.000Z',
  mode: 'in_person',
  status: 'booked',
  source: 'desk',
  replaces_id: null,
  replaced_by: null,
  refused_code: null,
  note: null,
  patient_time_zone: 'Europe/Moscow',
  booked_at: '2026-12-07T10:00:00.000Z',
  cancelled_at: null,
  cancelled_by: null,
  cancel_reason: null,
  arrived_at: null,
  no_show_at: null,
  ...stamp,
};

const roomRow = { id: 'room-1', name: '101', active: 1, ...stamp };
const serviceRow = {
  id: 'svc-1',
  service_code: 'B01.047.001',
  name: 'Приём терапевта',
  duration_min: 20,
  mode: 'remote',
  daily_limit: null,
  instructions: null,
  active: 1,
  ...stamp,
};
const exceptionRow = {
  id: 'ex-1',
  specialist_id: null,
  kind: 'closed',
  from_date: '2026-12-30',
  to_date: '2026-12-30',
  starts: null,
  ends: null,
  note: 'Санитарный день',
  deleted_at: null,
  ...stamp,
};
const attachmentRow = {
  id: 'at-1',
  appointment_id: 'ap-1',
  patient_id: 'pt-1',
  kind: 'referral',
  title: 'Направление',
  scan_id: 'sc-1',
  chart_entry_id: null,
  added_via: 'cabinet',
  deleted_at: null,
  ...stamp,
};

describe('synced rows → the schedule’s models', () => {
  it('reads every table’s columns as its syncedFields name them (both ends store these)', () => {
    expect(specialistFromRow(specialistRow)).toEqual({
      id: 'sp-1',
      staffId: null,
      displayName: 'Иванова Анна Андреевна',
      specialtyCode: '27',
      positionCode: '110',
      department: 'Терапия',
      roomId: 'room-1',
      active: true,
    });
    expect(roomFromRow({ ...roomRow, active: 0 })).toEqual({
      id: 'room-1',
      name: '101',
      active: false,
    });
    expect(serviceTypeFromRow({ ...serviceRow, daily_limit: 12n })).toMatchObject({
      durationMin: 20,
      dailyLimit: 12,
      mode: 'remote',
      active: true,
    });
    expect(workPatternFromRow(patternRow)).toMatchObject({
      weekday: 1,
      breaks: [{ starts: '13:00', ends: '14:00' }],
      serviceTypeIds: null,
      validTo: null,
    });
    expect(workPatternFromRow({ ...patternRow, service_type_ids: '["svc-1","svc-2"]' }).serviceTypeIds).toEqual([
      'svc-1',
      'svc-2',
    ]);
    expect(scheduleExceptionFromRow(exceptionRow)).toMatchObject({
      specialistId: null,
      kind: 'closed',
      note: 'Санитарный день',
    });
    expect(attachmentFromRow(attachmentRow)).toMatchObject({
      appointmentId: 'ap-1',
      kind: 'referral',
      addedVia: 'cabinet',
      createdAt: stamp.created_at,
    });
  });

  it('covers every synced column of the seven tables it reads', () => {
    const read = {
      specialists: specialistRow,
      rooms: roomRow,
      service_types: serviceRow,
      work_patterns: patternRow,
      schedule_exceptions: exceptionRow,
      appointments: appointmentRow,
      appointment_attachments: attachmentRow,
    } as const;
    for (const [table, row] of Object.entries(read)) {
      expect(
        Object.keys(row)
          .filter((k) => k !== 'id')
          .sort(),
      ).toEqual([...syncedFields[table as keyof typeof read]].sort());
    }
  });

  it('makes a booking a busy interval, and only live bookings occupy their slot', () => {
    const appointment = appointmentFromRow(appointmentRow);
    expect(busyFromAppointment(appointment)).toEqual({
      appointmentId: 'ap-1',
      specialistId: 'sp-1',
      roomId: 'room-1',
      patientId: 'pt-1',
      serviceTypeId: 'svc-1',
      startsAt: '2026-12-08T06:00:00.000Z',
      endsAt: '2026-12-08T06:20:00.000Z',
    });
    expect(occupiesSlot(appointment)).toBe(true);
    expect(occupiesSlot({ ...appointment, status: 'requested' })).toBe(true);
    expect(occupiesSlot({ ...appointment, status: 'cancelled' })).toBe(false);
    expect(occupiesSlot({ ...appointment, status: 'moved' })).toBe(false);
    expect(occupiesSlot({ ...appointment, status: 'refused' })).toBe(false);
  });

  it('builds a snapshot without deleted patterns and exceptions', () => {
    const snapshot = scheduleFromRows({
      specialists: [specialistRow],
      rooms: [],
      serviceTypes: [],
      patterns: [patternRow, { ...patternRow, id: 'wp-2', deleted_at: '2026-12-01T09:00:00.000Z' }],
      exceptions: [],
    });
    expect(snapshot.patterns.map((p) => p.id)).toEqual(['wp-1']);
  });

  it('refuses damaged rows, naming the table, the row and the column', () => {
    expect(() => specialistFromRow({ ...specialistRow, active: 'yes' })).toThrow(
      'specialists row sp-1: field active is not 0/1',
    );
    expect(() => workPatternFromRow({ ...patternRow, breaks: '[{"starts":"13:00"' })).toThrow(
      'work_patterns row wp-1: field breaks is not JSON text',
    );
    expect(() => workPatternFromRow({ ...patternRow, breaks: '[{"starts":"25:00","ends":"26:00"}]' })).toThrow(
      /work_patterns row wp-1: field breaks is not valid/,
    );
    expect(() => workPatternFromRow({ ...patternRow, weekday: 1.5 })).toThrow(
      'work_patterns row wp-1: field weekday is not an integer',
    );
    expect(() => workPatternFromRow({ ...patternRow, weekday: 8 })).toThrow(/field weekday is not valid/);
    expect(() => appointmentFromRow({ ...appointmentRow, status: 'held' })).toThrow(
      /appointments row ap-1: field status is not valid/,
    );
    expect(() => appointmentFromRow({ ...appointmentRow, starts_at: '2026-12-08 09:00' })).toThrow(
      /field starts_at is not valid/,
    );
    expect(() => specialistFromRow({ ...specialistRow, display_name: undefined })).toThrow(
      /field display_name is not valid/,
    );
  });
});
