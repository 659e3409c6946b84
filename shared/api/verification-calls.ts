import { z } from 'zod';
import { documentSeenSchema, inPersonVerificationSchema, onlineIdentityStatuses } from '../domain/online-identity';
import { patientIdSchema, patientSummarySchema } from '../domain/patient';
import { defineCall } from './define-call';

/** A patient whose online confirmation is locked, waiting for the desk (B6). */
export const verificationQueueItemSchema = z.object({
  /** The patient's online identity row: what the verification's scans are attached to. */
  identityId: z.string(),
  patient: patientSummarySchema,
  failedAttempts: z.number().int(),
  lockedAt: z.string(),
});
export type VerificationQueueItem = z.infer<typeof verificationQueueItemSchema>;

/** A patient's online identity as the card's "Online access" tab shows it. */
export const onlineIdentitySchema = z.object({
  /** The row (scans of the verification are attached to it); null when the patient never tried online. */
  id: z.string().nullable(),
  patientId: patientIdSchema,
  status: z.enum(onlineIdentityStatuses),
  failedAttempts: z.number().int(),
  lockedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  documentsSeen: z.array(documentSeenSchema),
  scanIds: z.array(z.string()),
  note: z.string().nullable(),
  /** When the server or a desk last changed it; null when the patient never tried online. */
  updatedAt: z.string().nullable(),
});
export type OnlineIdentityView = z.infer<typeof onlineIdentitySchema>;

/** The in-person verification queue and its check at the desk (B6). */
export const verificationCalls = {
  /** Locked patients, the longest waiting first; the read is audited (F1). */
  'verification.queue': defineCall({
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(200) }),
    output: z.object({ items: z.array(verificationQueueItemSchema), total: z.number().int() }),
    permission: 'patients.write',
  }),
  /** How many wait (the rail's counter): a number only, polled by the screen. */
  'verification.count': defineCall({
    input: z.strictObject({}),
    output: z.object({ waiting: z.number().int() }),
    permission: 'patients.write',
    passive: true,
  }),
  /** One patient's online identity; the read is audited. */
  'verification.get': defineCall({
    input: z.strictObject({ patientId: patientIdSchema }),
    output: onlineIdentitySchema,
    permission: 'patients.read',
  }),
  /**
   * The clerk checked the originals: which documents were seen, the scans taken, by the signed-in
   * clerk. Only a locked patient; the server then clears the failures and online access opens.
   */
  'verification.complete': defineCall({
    input: inPersonVerificationSchema.extend({ patientId: patientIdSchema }),
    output: onlineIdentitySchema,
    permission: 'patients.write',
    writes: true,
  }),
} as const;
