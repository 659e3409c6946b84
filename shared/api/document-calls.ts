import { z } from 'zod';
import { documentReadingSchema, mismatchResolutions, comparedFields } from '../domain/documents/compare';
import { documentSchema } from '../domain/documents/document-schema';
import { identityDocumentSchema } from '../domain/documents/identity-document';
import { policyRejectionReasons } from '../domain/documents/oms-policy';
import { requiredText } from '../domain/field-rules';
import { patientIdSchema, patientSchema } from '../domain/patient';
import { defineCall } from './define-call';

const documentId = z.uuid();
/** An ISO date the clerk states (when a document changed); the service checks it is not in the future. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Identity documents (B3), the OMS policy's confirmation (B7) and the comparison with the record (B5). */
export const documentCalls = {
  /** A patient's documents, current first, then replaced ones; the read is audited (F1). */
  'documents.list': defineCall({
    input: z.strictObject({ patientId: patientIdSchema }),
    output: z.object({ items: z.array(identityDocumentSchema), today: z.string() }),
    permission: 'patients.read',
  }),
  /** Records a document; malformed, expired, damaged or taken by another patient are refused. */
  'documents.add': defineCall({
    input: z.strictObject({ patientId: patientIdSchema, document: documentSchema }),
    output: identityDocumentSchema,
    permission: 'patients.write',
    writes: true,
  }),
  /**
   * The patient's document has changed (B3): the old one is superseded and the new one is due in
   * the system within 5 business days of `changedOn` (today when not given). `replacement` is the
   * new document when the clerk has it in hand; otherwise a reminder stays until it is added.
   */
  'documents.replace': defineCall({
    input: z.strictObject({ documentId, changedOn: isoDate.nullish(), replacement: documentSchema.nullish() }),
    output: z.object({ superseded: identityDocumentSchema, replacement: identityDocumentSchema.nullable() }),
    permission: 'patients.write',
    writes: true,
  }),
  /**
   * The clerk's decision on an OMS policy after the registry's check (B7): confirmed, or rejected
   * with a reason. A policy the check refuses cannot be confirmed.
   */
  'documents.confirmPolicy': defineCall({
    input: z.strictObject({
      documentId,
      decision: z.enum(['confirmed', 'rejected']),
      reason: z.enum(policyRejectionReasons).nullish(),
    }),
    output: identityDocumentSchema,
    permission: 'patients.write',
    writes: true,
  }),
  /** What the registry's check says of a policy before the clerk decides (not stored). */
  'documents.checkPolicy': defineCall({
    input: z.strictObject({ documentId }),
    output: z.object({
      status: z.enum(['confirmed', 'rejected']),
      reason: z.enum(policyRejectionReasons).nullable(),
      source: z.enum(['local', 'registry']),
    }),
    permission: 'patients.read',
  }),
  /**
   * The comparison of the record with what the clerk read from the document (B5): every mismatch
   * needs the clerk's answer (confirmed, or the record corrected to the document); stored on the
   * document and audited.
   */
  'documents.confirmComparison': defineCall({
    input: z.strictObject({
      documentId,
      reading: documentReadingSchema,
      resolutions: z.partialRecord(z.enum(comparedFields), z.enum(mismatchResolutions)),
    }),
    output: z.object({ document: identityDocumentSchema, patient: patientSchema }),
    permission: 'patients.write',
    writes: true,
  }),
  /** A document recorded by mistake leaves the card (a tombstone; the reason is audited). */
  'documents.remove': defineCall({
    input: z.strictObject({ documentId, reason: requiredText(500) }),
    output: z.object({ removed: z.literal(true) }),
    permission: 'patients.write',
    writes: true,
  }),
} as const;
