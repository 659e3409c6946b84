import { z } from 'zod';
import { appointmentStatuses, attachmentKinds, maxSearchDays, serviceModes } from '../appointments/schedule';

/**
 * The cabinet's «Записи» (issue 13, E1–E3; seed §4.3): the patient chooses a specialist or a
 * specialty and a service, sees free times, holds one and confirms it, attaches referrals and
 * results, cancels or moves, and sees upcoming and past visits. Under `/api/cabinet`
 * (shared/cabinet/cabinet-api.ts: session cookie, CSRF on writes); `patient` stage only; the
 * patient's own bookings only. Every read is audited on the server.
 */
export const cabinetAppointmentPaths = {
  options: '/appointments/options', // GET → CabinetBookingOptions
  slots: '/appointments/slots', // GET ?CabinetSlotQuery → { items: CabinetSlot[] }
  holds: '/appointments/holds', // POST HoldRequest → Hold; 409 SlotTaken (code + alternatives)
  list: '/appointments', // GET → { upcoming, past }; POST ConfirmRequest → CabinetAppointment
  cancel: '/appointments/:id/cancel', // POST { reason } → CabinetAppointment
  move: '/appointments/:id/move', // POST { holdId } (a hold made with replacesId = :id) → CabinetAppointment (the new one)
  attachments: '/appointments/:id/attachments', // POST AttachmentRequest → CabinetAttachment
  attachmentFile: '/appointments/:id/attachments/:attachmentId', // GET → the file
} as const;

/** The video visit's page, outside the API: opens the visit room only around its time. */
export const videoVisitPath = '/visit/:token';

const id = z.string().min(1).max(64);
const instant = z.iso.datetime();

export const cabinetBookingOptionsSchema = z.object({
  specialties: z.array(z.object({ code: z.string(), name: z.string() })),
  specialists: z.array(
    z.object({
      id,
      name: z.string(),
      specialtyCode: z.string(),
      specialtyName: z.string().nullable(),
      positionName: z.string().nullable(),
      department: z.string().nullable(),
      /** The services this specialist offers in some pattern. */
      serviceTypeIds: z.array(id),
    }),
  ),
  services: z.array(z.object({ id, name: z.string(), durationMin: z.number().int(), mode: z.enum(serviceModes) })),
});
export type CabinetBookingOptions = z.infer<typeof cabinetBookingOptionsSchema>;

export const cabinetSlotQuerySchema = z
  .strictObject({
    specialistId: id.optional(),
    specialty: z.string().min(1).max(16).optional(),
    serviceTypeId: id,
    from: z.iso.date(),
    to: z.iso.date(),
  })
  .refine((query) => query.specialistId !== undefined || query.specialty !== undefined, {
    path: ['specialistId'],
    message: 'appointments.search.target',
  });
export type CabinetSlotQuery = z.input<typeof cabinetSlotQuerySchema>;
export { maxSearchDays };

export const cabinetSlotSchema = z.object({
  specialistId: id,
  specialistName: z.string(),
  serviceTypeId: id,
  startsAt: instant,
  endsAt: instant,
});
export type CabinetSlot = z.infer<typeof cabinetSlotSchema>;

export const holdRequestSchema = z.strictObject({
  specialistId: id,
  serviceTypeId: id,
  startsAt: instant,
  /** A move: the booking the new time replaces. */
  replacesId: id.nullable().default(null),
});
export const holdSchema = z.object({ holdId: id, expiresAt: instant });
export type Hold = z.infer<typeof holdSchema>;

/** The 409 answer to a hold whose time was taken: the code and the nearest free times. */
export const slotTakenSchema = z.object({
  code: z.literal('appointments.slot.taken'),
  message: z.object({ ru: z.string(), en: z.string() }),
  alternatives: z.array(cabinetSlotSchema),
});

export const confirmRequestSchema = z.strictObject({
  holdId: id,
  /** The patient's IANA zone (the browser's), for the reminder's hour. */
  timeZone: z.string().min(1).max(64),
  note: z.string().trim().max(1000).nullable().default(null),
});

export const cabinetAttachmentSchema = z.object({
  id,
  kind: z.enum(attachmentKinds),
  title: z.string(),
  addedVia: z.enum(['desk', 'cabinet']),
  createdAt: instant,
  /** False when a chart entry is linked instead of a file. */
  hasFile: z.boolean(),
});
export type CabinetAttachment = z.infer<typeof cabinetAttachmentSchema>;

export const cabinetAppointmentSchema = z.object({
  id,
  specialistName: z.string(),
  specialtyName: z.string().nullable(),
  serviceName: z.string(),
  roomName: z.string().nullable(),
  mode: z.enum(serviceModes),
  startsAt: instant,
  endsAt: instant,
  status: z.enum(appointmentStatuses),
  instructions: z.string().nullable(),
  /** For a remote visit: the link (works only around the visit time). */
  videoLink: z.string().nullable(),
  attachments: z.array(cabinetAttachmentSchema),
  canChange: z.boolean(),
});
export type CabinetAppointment = z.infer<typeof cabinetAppointmentSchema>;

export const cabinetAppointmentListSchema = z.object({
  upcoming: z.array(cabinetAppointmentSchema),
  past: z.array(cabinetAppointmentSchema),
});

/**
 * A file attached from the cabinet: first uploaded and checked through the cabinet's upload
 * routes (server/cabinet/uploads: format by content, size, SHA-256), as the chart's lab results
 * are; then named here by its scan id.
 */
export const attachmentRequestSchema = z.strictObject({
  kind: z.enum(attachmentKinds),
  title: z.string().trim().min(1).max(200),
  scanId: z.uuid(),
});
