import { z } from 'zod';
import {
  appointmentAttachmentSchema,
  appointmentSchema,
  attachmentKinds,
  roomSchema,
  scheduleExceptionSchema,
  serviceTypeSchema,
  specialistSchema,
  timeOfDaySchema,
  workPatternSchema,
} from '../appointments/schedule';
import { patientIdSchema } from '../domain/patient';
import { defineCall } from './define-call';

const idSchema = z.string().min(1).max(64);
const isoDate = z.iso.date();
const instant = z.iso.datetime();

/** A free slot as the desk shows it (shared/appointments/free-slots.ts `Slot`). */
export const slotSchema = z.object({
  specialistId: idSchema,
  roomId: idSchema.nullable(),
  serviceTypeId: idSchema,
  startsAt: instant,
  endsAt: instant,
});

/** A booking with the names a screen shows; `pending`: the desk's request not yet answered by the server. */
export const appointmentViewSchema = appointmentSchema.extend({
  patientName: z.string(),
  patientBirthDate: z.string().nullable(),
  specialistName: z.string(),
  serviceName: z.string(),
  roomName: z.string().nullable(),
  attachmentCount: z.number().int(),
  /** `waiting`: in the outbox, not yet confirmed; `refused`: the server refused it (its code in refusedCode). */
  pending: z.enum(['waiting', 'refused']).nullable(),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

/** One specialist's working hours on one day, as the day and week views draw them. */
export const workingDaySchema = z.object({
  specialistId: idSchema,
  date: isoDate,
  roomId: idSchema.nullable(),
  /** Empty: not working (with `reason`). Local `HH:MM`. */
  periods: z.array(z.object({ starts: timeOfDaySchema, ends: timeOfDaySchema })),
  breaks: z.array(z.object({ starts: timeOfDaySchema, ends: timeOfDaySchema })),
  reason: z.enum(['holiday', 'leave', 'sickness', 'closed', 'no_pattern']).nullable(),
});

const namedSpecialistSchema = specialistSchema.extend({
  specialtyName: z.string().nullable(),
  positionName: z.string().nullable(),
});

const slotSearchSchema = z.strictObject({
  specialistId: idSchema.optional(),
  specialtyCode: z.string().min(1).max(16).optional(),
  serviceTypeId: idSchema,
  from: isoDate,
  to: isoDate,
  limit: z.number().int().min(1).max(500).default(50),
});

/** The schedule as a whole (inactive items too), for the screens that manage it. */
const scheduleSchema = z.object({
  specialists: z.array(namedSpecialistSchema),
  rooms: z.array(roomSchema),
  serviceTypes: z.array(serviceTypeSchema),
  patterns: z.array(workPatternSchema),
  exceptions: z.array(scheduleExceptionSchema),
});
export type ScheduleView = z.infer<typeof scheduleSchema>;

const reasonSchema = z.string().trim().min(3).max(500);

/** Appointments at the desk (issue 13, E1–E3): clerks book, doctors see their day, admins keep the schedule. */
export const appointmentCalls = {
  /** The active schedule's items with dictionary names: pickers, the views' columns. */
  'appointments.options': defineCall({
    input: z.strictObject({}),
    output: scheduleSchema,
    permission: 'appointments.read',
  }),
  /** Free slots, earliest first (computed from the local copy of the schedule and bookings). */
  'appointments.slots': defineCall({
    input: slotSearchSchema,
    output: z.object({ items: z.array(slotSchema) }),
    permission: 'appointments.read',
  }),
  /** Bookings and working hours in a date range for some specialists or rooms (day and week views); audited. */
  'appointments.range': defineCall({
    input: z.strictObject({
      from: isoDate,
      to: isoDate,
      specialistIds: z.array(idSchema).max(200).optional(),
      roomIds: z.array(idSchema).max(200).optional(),
    }),
    output: z.object({ appointments: z.array(appointmentViewSchema), days: z.array(workingDaySchema) }),
    permission: 'appointments.read',
  }),
  /** The signed-in doctor's own day (the specialist whose staff account they are); audited. */
  'appointments.mine': defineCall({
    input: z.strictObject({ date: isoDate }),
    output: z.object({ specialistId: idSchema.nullable(), appointments: z.array(appointmentViewSchema) }),
    permission: 'appointments.read',
  }),
  /** One patient's bookings, upcoming first then past (the card); audited. */
  'appointments.patient': defineCall({
    input: z.strictObject({ patientId: patientIdSchema }),
    output: z.object({ items: z.array(appointmentViewSchema) }),
    permission: 'appointments.read',
  }),
  /** One booking with its attachments; audited. */
  'appointments.get': defineCall({
    input: z.strictObject({ appointmentId: idSchema }),
    output: z.object({ appointment: appointmentViewSchema, attachments: z.array(appointmentAttachmentSchema) }),
    permission: 'appointments.read',
  }),
  /** A booking request (checked here by the same rules as the server's); `requested` until the server answers. */
  'appointments.book': defineCall({
    input: z.strictObject({
      patientId: patientIdSchema,
      specialistId: idSchema,
      serviceTypeId: idSchema,
      startsAt: instant,
      note: z.string().trim().max(1000).nullable().default(null),
    }),
    output: appointmentViewSchema,
    permission: 'appointments.write',
    writes: true,
  }),
  /** A move: a new booking replacing this one (the server takes the new slot before freeing the old). */
  'appointments.move': defineCall({
    input: z.strictObject({ appointmentId: idSchema, startsAt: instant, specialistId: idSchema.optional() }),
    output: appointmentViewSchema,
    permission: 'appointments.write',
    writes: true,
  }),
  'appointments.cancel': defineCall({
    input: z.strictObject({ appointmentId: idSchema, reason: reasonSchema }),
    output: appointmentViewSchema,
    permission: 'appointments.write',
    writes: true,
  }),
  /** Arrival, or a no-show once the visit's time has begun. */
  'appointments.mark': defineCall({
    input: z.strictObject({ appointmentId: idSchema, mark: z.enum(['arrived', 'no_show']) }),
    output: appointmentViewSchema,
    permission: 'appointments.write',
    writes: true,
  }),
  /** A referral or result: a checked scan of this patient, or a chart entry linked (E2). */
  'appointments.attach': defineCall({
    input: z.strictObject({
      appointmentId: idSchema,
      kind: z.enum(attachmentKinds),
      title: z.string().trim().min(1).max(200),
      scanId: idSchema.nullable().default(null),
      chartEntryId: idSchema.nullable().default(null),
    }),
    output: appointmentAttachmentSchema,
    permission: 'appointments.write',
    writes: true,
  }),
  /** The whole schedule, inactive items included. */
  'schedules.get': defineCall({ input: z.strictObject({}), output: scheduleSchema, permission: 'schedules.manage' }),
  'schedules.saveSpecialist': defineCall({
    input: specialistSchema.partial({ id: true }).strict(),
    output: namedSpecialistSchema,
    permission: 'schedules.manage',
    writes: true,
  }),
  'schedules.saveRoom': defineCall({
    input: roomSchema.partial({ id: true }).strict(),
    output: roomSchema,
    permission: 'schedules.manage',
    writes: true,
  }),
  'schedules.saveServiceType': defineCall({
    input: serviceTypeSchema.partial({ id: true }).strict(),
    output: serviceTypeSchema,
    permission: 'schedules.manage',
    writes: true,
  }),
  'schedules.savePattern': defineCall({
    input: workPatternSchema.partial({ id: true }).strict(),
    output: workPatternSchema,
    permission: 'schedules.manage',
    writes: true,
  }),
  'schedules.removePattern': defineCall({
    input: z.strictObject({ id: idSchema }),
    output: z.object({ removed: z.literal(true) }),
    permission: 'schedules.manage',
    writes: true,
  }),
  'schedules.saveException': defineCall({
    input: scheduleExceptionSchema.partial({ id: true }).strict(),
    output: scheduleExceptionSchema,
    permission: 'schedules.manage',
    writes: true,
  }),
  'schedules.removeException': defineCall({
    input: z.strictObject({ id: idSchema }),
    output: z.object({ removed: z.literal(true) }),
    permission: 'schedules.manage',
    writes: true,
  }),
};
