import { z } from 'zod';
import { fail, optionalText, text } from '../domain/field-rules';
import { seenDocumentTypes, type SeenDocumentType } from '../domain/online-identity';

/**
 * The bodies of the cabinet's identity requests (cabinet-api.ts `identityCodeSend`,
 * `identityCodeConfirm`, `identityDocument`), checked by the page and again by the server.
 */
export const identityCodeChannels = ['sms', 'email'] as const;
export type IdentityCodeChannel = (typeof identityCodeChannels)[number];

export const identityCodeSendSchema = z.strictObject({ channel: z.enum(identityCodeChannels) });
export type IdentityCodeSend = z.input<typeof identityCodeSendSchema>;

export const identityCodeConfirmSchema = z.strictObject({
  code: text(20).superRefine((value, ctx) => {
    if (!/^\d{6}$/.test(value)) fail(ctx, 'cabinet.identity.code_format');
  }),
});
export type IdentityCodeConfirm = z.input<typeof identityCodeConfirmSchema>;

const isSeenDocumentType = (value: string): value is SeenDocumentType =>
  (seenDocumentTypes as readonly string[]).includes(value);

/**
 * An uploaded scan of an identity document and its details as the patient types them; the server
 * normalises the series and number as the desk does (shared/domain/documents) before comparing.
 */
export const identityDocumentSchema = z.strictObject({
  scanId: z.uuid(),
  documentType: z
    .string()
    .max(40)
    .transform((value, ctx) => {
      if (isSeenDocumentType(value)) return value;
      fail(ctx, 'cabinet.identity.document_type');
      return z.NEVER;
    }),
  series: optionalText(text(20)),
  number: text(40).superRefine((value, ctx) => {
    if (value === '') fail(ctx, 'cabinet.identity.document_number');
  }),
});
export type IdentityDocumentInput = z.input<typeof identityDocumentSchema>;
export type IdentityDocumentRequest = z.output<typeof identityDocumentSchema>;
