import { z } from 'zod';
import { consentStateReasons } from '../domain/consent';
import { requiredText } from '../domain/field-rules';
import { patientIdSchema } from '../domain/patient';
import { proxyBases, proxyRelationships, recordSections } from '../domain/proxies';
import { proxyDraftSchema } from '../domain/proxy-draft';
import { defineCall } from './define-call';

// `electronic_signature`: accepted in the patient cabinet with a one-time code (a simple electronic
// signature, 63-ФЗ), written by the server with the application (issue 11).
export const consentMethods = ['signature', 'scan', 'electronic_signature'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/** A signature drawn on screen, PNG in base64: a few tens of kilobytes; far more is not a signature. */
export const signaturePngMaxBase64 = 700_000;

/** One acceptance of the consent text, and its withdrawal if any (B8). */
export const consentViewSchema = z.object({
  id: z.uuid(),
  patientId: patientIdSchema,
  textVersion: z.string(),
  textSha256: z.string(),
  method: z.enum(consentMethods),
  /** The signature image's SHA-256 in the vault (method `signature`). */
  signatureSha256: z.string().nullable(),
  /** The scan of the signed paper (method `scan`). */
  scanId: z.string().nullable(),
  acceptedAt: z.string(),
  acceptedBy: z.string(),
  acceptedByName: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
});
export type ConsentView = z.infer<typeof consentViewSchema>;

export const consentTextSchema = z.object({
  version: z.string(),
  effectiveFrom: z.string(),
  language: z.string(),
  sha256: z.string(),
  /** Markdown: `#`/`##` headings, paragraphs and `- ` lists. */
  body: z.string(),
  /** Whether a new acceptance may be made on this version today. */
  current: z.boolean(),
});
export type ConsentText = z.infer<typeof consentTextSchema>;

/** A trusted person as the card lists them, with where their authority really ends (B9). */
export const proxyViewSchema = z.object({
  id: z.uuid(),
  patientId: patientIdSchema,
  surname: z.string(),
  name: z.string(),
  patronymic: z.string().nullable(),
  birthDate: z.string(),
  phone: z.string().nullable(),
  relationship: z.enum(proxyRelationships),
  basis: z.enum(proxyBases),
  documentNumber: z.string().nullable(),
  documentIssuedOn: z.string().nullable(),
  documentExpiresOn: z.string().nullable(),
  documentIssuer: z.string().nullable(),
  scope: z.array(z.enum(recordSections)),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  /**
   * The last day in force: the earliest of the written end, a power of attorney's expiry, the eve of
   * the 15th birthday.
   */
  effectiveEnd: z.string().nullable(),
  endReason: z.enum(['ends_on', 'age_of_consent', 'document_expiry']).nullable(),
  status: z.enum(['pending', 'active', 'ended', 'revoked']),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  revocationReason: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type ProxyView = z.infer<typeof proxyViewSchema>;

const versionSchema = z.string().min(1).max(20);

/** Consent to personal-data processing (B8) and trusted persons (B9). */
export const consentCalls = {
  /** The consent text of a version (the current one when none is named), checked against its SHA-256. */
  'consents.text': defineCall({
    input: z.strictObject({ version: versionSchema.optional() }),
    output: consentTextSchema,
    permission: 'patients.read',
  }),
  /** The patient's consent state now and the whole history, newest first; the read is audited. */
  'consents.state': defineCall({
    input: z.strictObject({ patientId: patientIdSchema }),
    output: z.object({
      valid: z.boolean(),
      reason: z.enum(consentStateReasons),
      current: consentViewSchema.nullable(),
      history: z.array(consentViewSchema),
      currentTextVersion: z.string(),
    }),
    permission: 'patients.read',
  }),
  'consents.accept': defineCall({
    input: z.discriminatedUnion('method', [
      z.strictObject({
        patientId: patientIdSchema,
        textVersion: versionSchema,
        method: z.literal('signature'),
        signaturePng: z.base64().max(signaturePngMaxBase64),
      }),
      z.strictObject({
        patientId: patientIdSchema,
        textVersion: versionSchema,
        method: z.literal('scan'),
        scanId: z.uuid(),
      }),
    ]),
    output: consentViewSchema,
    permission: 'patients.write',
    writes: true,
  }),
  /** Withdrawal (152-ФЗ art. 9): one-way, with who, when and why; the consent stays in the history. */
  'consents.withdraw': defineCall({
    input: z.strictObject({ consentId: z.uuid(), reason: requiredText(500) }),
    output: consentViewSchema,
    permission: 'patients.write',
    writes: true,
  }),
  /** The signature image of a consent signed on screen. */
  'consents.signature': defineCall({
    input: z.strictObject({ consentId: z.uuid() }),
    output: z.object({ mime: z.literal('image/png'), data: z.string() }),
    permission: 'patients.read',
  }),
  'proxies.list': defineCall({
    input: z.strictObject({ patientId: patientIdSchema }),
    output: z.object({ items: z.array(proxyViewSchema) }),
    permission: 'patients.read',
  }),
  'proxies.add': defineCall({
    input: proxyDraftSchema,
    output: proxyViewSchema,
    permission: 'patients.write',
    writes: true,
  }),
  'proxies.revoke': defineCall({
    input: z.strictObject({ proxyId: z.uuid(), reason: requiredText(500) }),
    output: proxyViewSchema,
    permission: 'patients.write',
    writes: true,
  }),
} as const;
