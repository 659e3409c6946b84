import { z } from 'zod';

/**
 * Appointments (issue 13, E1–E3; seed §4.3): the schedule's words and the shapes of its synced
 * rows as both ends read them. Times of day are the clinic's local `HH:MM` (24 h); days are ISO
 * dates in the clinic's time zone (`clinicTimeZone`); instants are UTC ISO strings ending in `Z`.
 * Free slots are computed (free-slots.ts), never stored.
 */

/** Every clinic of this deployment keeps its schedule in this zone (a per-clinic zone is not yet a setting). */
export const clinicTimeZone = 'Europe/Moscow';

/** The longest range a free-slot search covers (E1: "date range up to 31 days"). */
export const maxSearchDays = 31;
/** How many future bookings one patient may hold at once (desk and cabinet together). */
export const maxFutureBookingsPerPatient = 5;
/** How long a cabinet hold keeps its slot before it lapses. */
export const holdMinutes = 10;
/** Slots start on this grid (minutes from the start of the working period). */
export const slotStepMinutes = 5;

export const serviceModes = ['in_person', 'remote'] as const;
export type ServiceMode = (typeof serviceModes)[number];

/** Leave and sickness close a specialist's days; `hours` replaces them with one-off hours; `closed` a day off. */
export const exceptionKinds = ['leave', 'sickness', 'hours', 'closed'] as const;
export type ExceptionKind = (typeof exceptionKinds)[number];

/**
 * A booking's life: `requested` (written by a desk, maybe offline: "waiting for confirmation") →
 * `booked` (the server claimed the slot) or `refused` (the server's code in `refused_code`);
 * `booked` → `cancelled` | `moved` (replaced by a new booking) | `arrived` | `no_show`.
 * `held` exists on the server only (a cabinet hold) and is never a synced status.
 */
export const appointmentStatuses = [
  'requested',
  'booked',
  'refused',
  'cancelled',
  'moved',
  'arrived',
  'no_show',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];
/** Statuses that occupy their slot. */
export const activeAppointmentStatuses: readonly AppointmentStatus[] = ['requested', 'booked', 'arrived'];

export const appointmentSources = ['desk', 'cabinet'] as const;
export const attachmentKinds = ['referral', 'result'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

/** `HH:MM`, 00:00–23:59 (an end may also be `24:00`). */
export const timeOfDaySchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const isoDate = z.iso.date();
const instant = z.iso.datetime();
const id = z.string().min(1).max(64);

export const breakSchema = z.strictObject({ starts: timeOfDaySchema, ends: timeOfDaySchema });
export type Break = z.infer<typeof breakSchema>;

export const specialistSchema = z.object({
  id,
  /** The staff account when the specialist signs in (a doctor's own day list); null for one who does not. */
  staffId: id.nullable(),
  displayName: z.string().trim().min(1).max(200),
  /** НСИ 1.2.643.5.1.13.13.11.1066 «Номенклатура специальностей» code. */
  specialtyCode: z.string().min(1).max(16),
  /** НСИ 1.2.643.5.1.13.13.11.1002 «Должности медицинских работников» code. */
  positionCode: z.string().min(1).max(16),
  department: z.string().trim().max(200).nullable(),
  /** The room used when a pattern names none. */
  roomId: id.nullable(),
  active: z.boolean(),
});
export type Specialist = z.infer<typeof specialistSchema>;

export const roomSchema = z.object({ id, name: z.string().trim().min(1).max(100), active: z.boolean() });
export type Room = z.infer<typeof roomSchema>;

export const serviceTypeSchema = z.object({
  id,
  /** НСИ 1.2.643.5.1.13.13.11.1070 «Номенклатура медицинских услуг» code. */
  serviceCode: z.string().min(1).max(32),
  name: z.string().trim().min(1).max(300),
  durationMin: z.number().int().min(5).max(480),
  mode: z.enum(serviceModes),
  /** At most this many of the service per specialist per day (Bahmni's limit); null: no limit. */
  dailyLimit: z.number().int().min(1).max(500).nullable(),
  /** What the patient is told in the confirmation and the reminder (in person: where, what to bring). */
  instructions: z.string().max(2000).nullable(),
  active: z.boolean(),
});
export type ServiceType = z.infer<typeof serviceTypeSchema>;

export const workPatternSchema = z.object({
  id,
  specialistId: id,
  /** Null: the specialist's own room. */
  roomId: id.nullable(),
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7),
  starts: timeOfDaySchema,
  ends: timeOfDaySchema,
  breaks: z.array(breakSchema).max(10),
  /** The services offered in these hours; null: every active service. */
  serviceTypeIds: z.array(id).max(100).nullable(),
  validFrom: isoDate,
  /** Inclusive; null: open-ended. */
  validTo: isoDate.nullable(),
});
export type WorkPattern = z.infer<typeof workPatternSchema>;

export const scheduleExceptionSchema = z.object({
  id,
  /** Null: the whole clinic (a clinic holiday, a sanitary day). */
  specialistId: id.nullable(),
  kind: z.enum(exceptionKinds),
  fromDate: isoDate,
  /** Inclusive. */
  toDate: isoDate,
  /** `hours` only: the one-off working hours of each day in the range. */
  starts: timeOfDaySchema.nullable(),
  ends: timeOfDaySchema.nullable(),
  note: z.string().max(500).nullable(),
});
export type ScheduleException = z.infer<typeof scheduleExceptionSchema>;

/** A booking as the slot engine sees it: what it occupies. */
export interface BusyInterval {
  appointmentId: string;
  specialistId: string;
  roomId: string | null;
  patientId: string;
  serviceTypeId: string;
  startsAt: string;
  endsAt: string;
}

export const appointmentSchema = z.object({
  id,
  patientId: id,
  specialistId: id,
  roomId: id.nullable(),
  serviceTypeId: id,
  startsAt: instant,
  endsAt: instant,
  mode: z.enum(serviceModes),
  status: z.enum(appointmentStatuses),
  source: z.enum(appointmentSources),
  replacesId: id.nullable(),
  replacedBy: id.nullable(),
  /** The server's refusal code when `refused`. */
  refusedCode: z.string().max(100).nullable(),
  note: z.string().max(1000).nullable(),
  /** The patient's IANA zone for reminders (the cabinet's browser; the clinic's at the desk). */
  patientTimeZone: z.string().max(64).nullable(),
  bookedAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  cancelledBy: z.string().max(64).nullable(),
  cancelReason: z.string().max(500).nullable(),
  arrivedAt: instant.nullable(),
  noShowAt: instant.nullable(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentAttachmentSchema = z.object({
  id,
  appointmentId: id,
  patientId: id,
  kind: z.enum(attachmentKinds),
  title: z.string().trim().min(1).max(200),
  /** A checked file (document_scans row, the scan checks reused); or null when a chart entry is linked. */
  scanId: id.nullable(),
  chartEntryId: id.nullable(),
  addedVia: z.enum(appointmentSources),
  createdAt: instant,
});
export type AppointmentAttachment = z.infer<typeof appointmentAttachmentSchema>;

/** Everything the slot engine needs of a clinic's schedule (read from synced rows at either end). */
export interface ScheduleSnapshot {
  specialists: readonly Specialist[];
  rooms: readonly Room[];
  serviceTypes: readonly ServiceType[];
  patterns: readonly WorkPattern[];
  exceptions: readonly ScheduleException[];
}
