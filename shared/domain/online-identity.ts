import { z } from 'zod';
import type { DocumentType } from './documents/document-schema';
import { fail, optionalText, requiredText, text } from './field-rules';

/**
 * Online identity confirmation and its in-person fallback (B6). The patients' portal confirms a
 * patient by an SMS or e-mail code or an uploaded document; the third failure in a row locks
 * online confirmation, and only a clerk who saw the originals at the desk unlocks it. One row per
 * patient (synced table `online_identity`), written by the server for the portal and by a desk for
 * the in-person check. Plain: the server and the desk both use it.
 */
export const onlineIdentityStatuses = ['none', 'confirmed_online', 'locked', 'verified_in_person'] as const;
export type OnlineIdentityStatus = (typeof onlineIdentityStatuses)[number];

export const identityMethods = ['sms_code', 'email_code', 'document_upload', 'federated'] as const;
export type IdentityMethod = (typeof identityMethods)[number];

export const attemptOutcomes = ['passed', 'failed'] as const;
export type AttemptOutcome = (typeof attemptOutcomes)[number];

/** Failures in a row that lock online confirmation. */
export const failuresBeforeLock = 3;

/** What the portal's attempts change in the row. */
export interface OnlineIdentityCounters {
  status: OnlineIdentityStatus;
  failedAttempts: number;
  lockedAt: string | null;
}

/**
 * The row after one attempt (the caller refuses attempts while locked). A pass resets the
 * failures; a patient already seen at the desk stays `verified_in_person` (the stronger check).
 */
export function afterAttempt(
  state: OnlineIdentityCounters,
  outcome: AttemptOutcome,
  at: string,
): OnlineIdentityCounters {
  if (outcome === 'passed') {
    return {
      status: state.status === 'verified_in_person' ? 'verified_in_person' : 'confirmed_online',
      failedAttempts: 0,
      lockedAt: state.lockedAt,
    };
  }
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= failuresBeforeLock) return { status: 'locked', failedAttempts, lockedAt: at };
  return { ...state, failedAttempts };
}

/** Identity confirmed one way or the other: the first condition of online access. */
export function identityConfirmed(status: OnlineIdentityStatus): boolean {
  return status === 'confirmed_online' || status === 'verified_in_person';
}

/** Documents a clerk may accept as proof of identity in person: at least one must carry a photo. */
export const seenDocumentTypes = [
  'passport',
  'driving_licence',
  'other_photo_id',
  'snils',
] as const satisfies readonly DocumentType[];
export type SeenDocumentType = (typeof seenDocumentTypes)[number];
const photoDocumentTypes: ReadonlySet<SeenDocumentType> = new Set(['passport', 'driving_licence', 'other_photo_id']);

/** One original the clerk held in hand: from the card's documents (`documentId`) or typed in. */
export const documentSeenSchema = z.strictObject({
  type: z.enum(seenDocumentTypes),
  number: requiredText(40),
  documentId: z
    .uuid()
    .nullish()
    .transform((value) => value ?? null),
});
export type DocumentSeen = z.output<typeof documentSeenSchema>;

/** The originals seen: at least one, one of them with a photo. */
export const documentsSeenSchema = z
  .array(documentSeenSchema)
  .max(10)
  .superRefine((documents, ctx) => {
    if (documents.length === 0) fail(ctx, 'verification.documents_required');
    else if (!documents.some((document) => photoDocumentTypes.has(document.type)))
      fail(ctx, 'verification.photo_id_required');
  });

/** The clerk's free-text remark on the check (optional). */
export const verificationNoteSchema = optionalText(text(500));

/** The in-person verification as the desk records it and the server checks it. */
export const inPersonVerificationSchema = z.strictObject({
  documentsSeen: documentsSeenSchema,
  /** The clerk confirms the originals were in their hands, not copies. */
  originalsChecked: z.boolean().superRefine((checked, ctx) => {
    if (!checked) fail(ctx, 'verification.originals_unconfirmed');
  }),
  scanIds: z.array(z.uuid()).max(20).default([]),
  note: verificationNoteSchema,
});
