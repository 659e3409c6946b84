import { z } from 'zod';
import { documentComparisonSchema } from './compare';
import { policyStatuses, policyRejectionReasons } from './oms-policy';

/** The kinds of identity document the desk records (B3), as `documentSchema` names them. */
export const documentTypes = ['passport', 'driving_licence', 'snils', 'oms_policy', 'other_photo_id'] as const;
export type DocumentTypeName = (typeof documentTypes)[number];

/** Forms of an OMS policy (`documentSchema`'s `form`). */
export const omsForms = ['unified', 'temporary', 'old'] as const;

/**
 * Where a document stands today: `active` (in force), `expired` (its last valid day has passed
 * since it was recorded), `superseded` (replaced by a newer one; kept, never deleted).
 */
export const documentStatuses = ['active', 'expired', 'superseded'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/** A recorded identity document as the card shows it. Dates are ISO `YYYY-MM-DD`. */
export const identityDocumentSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  type: z.enum(documentTypes),
  /** OMS policy only. */
  form: z.enum(omsForms).nullable(),
  /** Other photo ID only: what the document is ("Военный билет"). */
  title: z.string().nullable(),
  series: z.string().nullable(),
  number: z.string(),
  issuer: z.string().nullable(),
  /** Passport only: the issuing office's code, `770-001`. */
  issuerCode: z.string().nullable(),
  issueDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  /** The last valid day: as printed, or a passport's from the holder's age; null without a limit. */
  validUntil: z.string().nullable(),
  status: z.enum(documentStatuses),
  insurerCode: z.string().nullable(),
  /** The insurer's name from the insurers dictionary, when it is there. */
  insurerName: z.string().nullable(),
  policyStatus: z.enum(policyStatuses).nullable(),
  policyReason: z.enum(policyRejectionReasons).nullable(),
  policyCheckedAt: z.string().nullable(),
  policyCheckedByName: z.string().nullable(),
  /** When the document was replaced (B3), and by which document once the new one is recorded. */
  supersededAt: z.string().nullable(),
  replacedBy: z.uuid().nullable(),
  /** The day the changed document must be updated in the system by (5 business days). */
  updateDue: z.string().nullable(),
  /** The new document is still awaited and the due day has passed. */
  updateOverdue: z.boolean(),
  comparison: documentComparisonSchema.nullable(),
  comparedAt: z.string().nullable(),
  comparedByName: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type IdentityDocumentView = z.infer<typeof identityDocumentSchema>;
