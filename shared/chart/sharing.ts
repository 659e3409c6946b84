import { z } from 'zod';

/**
 * Sharing a record with another specialist only with the patient's consent (D6): a consent names
 * the recipient and the scope (the whole record, or chosen entries), is given at the desk or in
 * the cabinet, and is revocable. Each sending is a `chart_shares` row (audited; the patient sees it).
 */
export const shareScopes = ['whole_record', 'entries'] as const;
export const shareConsentChannels = ['desk', 'cabinet'] as const;

export const recipientSchema = z.strictObject({
  /** The specialist's full name. */
  name: z.string().trim().min(3).max(200),
  /** Their organisation (clinic, hospital). */
  organisation: z.string().trim().min(2).max(300),
  /** Their specialty in words. */
  specialty: z.string().trim().max(200).default(''),
  /** Where the record is sent: an e-mail address the recipient named. */
  email: z.email().max(254),
});
export type Recipient = z.output<typeof recipientSchema>;

export const shareConsentDraftSchema = z.strictObject({
  recipient: recipientSchema,
  scope: z.enum(shareScopes),
  /** With scope `entries`: which (1–500). */
  entryIds: z.array(z.uuid()).max(500).default([]),
  /** The last day the consent holds; null: until revoked. */
  validUntil: z.iso.date().nullable().default(null),
});
export type ShareConsentDraft = z.output<typeof shareConsentDraftSchema>;
