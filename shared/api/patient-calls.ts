import { z } from 'zod';
import { contactFields, identityFields } from '../domain/contact-change';
import { patientDraftSchema, patientIdSchema, patientSchema, patientSummarySchema } from '../domain/patient';
import { accessLogPageSchema } from '../rights/access-log';
import { defineCall } from './define-call';

/**
 * Who opened a card, when, from which desk and what (F2), grouped by the access log's rules: the
 * clinic's from the server (`source: 'clinic'`), this desk's own when the server cannot be asked
 * (`source: 'desk'`, with the note `access_log.unavailable`).
 */
export const accessLogAnswerSchema = accessLogPageSchema.extend({
  source: z.enum(['clinic', 'desk']),
  note: z.literal('access_log.unavailable').nullable(),
});

/** An identity field sent with the contacts: refused by name, so the clerk learns where it does change. */
const refusedIdentityField = z
  .custom<undefined>((value) => value === undefined, { params: { code: 'patient.update.identity_field' } })
  .optional();

/**
 * A change of contacts (B1): each field left out stays as it is, an empty one clears it; the
 * values pass the same validators as at enrolment (shared/domain/patient.ts).
 */
export const contactUpdateSchema = z.strictObject({
  id: patientIdSchema,
  phone: patientDraftSchema.shape.phone.optional(),
  email: patientDraftSchema.shape.email.optional(),
  address: patientDraftSchema.shape.address.optional(),
  ...(Object.fromEntries(identityFields.map((field) => [field, refusedIdentityField])) as Record<
    (typeof identityFields)[number],
    typeof refusedIdentityField
  >),
});
export type ContactUpdate = z.output<typeof contactUpdateSchema>;

/** One change of a contact field: the value before and after, who made it and when. */
export const contactChangeSchema = z.object({
  id: z.string(),
  field: z.enum(contactFields),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  /** The staff member's name as this desk knows it; null when the account is not known here. */
  changedByName: z.string().nullable(),
});
export type ContactChange = z.infer<typeof contactChangeSchema>;

/** The patient card: enrolment, search and reading it (B1, B4). Duplicates and merges: duplicate-calls.ts. */
export const patientCalls = {
  'patients.create': defineCall({
    input: patientDraftSchema,
    output: patientSchema,
    permission: 'patients.write',
    writes: true,
  }),
  'patients.search': defineCall({
    input: z.strictObject({
      query: z.string().max(200),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.object({ items: z.array(patientSummarySchema), more: z.boolean() }),
    permission: 'patients.read',
  }),
  'patients.get': defineCall({
    input: z.strictObject({ id: patientIdSchema }),
    output: patientSchema,
    permission: 'patients.read',
  }),
  /** Changes phone, e-mail and address (B1); identity fields are refused here. */
  'patients.update': defineCall({
    input: contactUpdateSchema,
    output: z.object({ patient: patientSchema, changed: z.array(z.enum(contactFields)) }),
    permission: 'patients.write',
    writes: true,
  }),
  /** The card's contact history, newest first. */
  'patients.contactHistory': defineCall({
    input: z.strictObject({ id: patientIdSchema }),
    output: z.object({ items: z.array(contactChangeSchema) }),
    permission: 'patients.read',
  }),
  'patients.accessLog': defineCall({
    input: z.strictObject({
      id: patientIdSchema,
      /** The previous page's cursor; the desk's own (`source: 'desk'`) and the clinic's differ. */
      cursor: z.number().int().min(1).optional(),
      source: z.enum(['clinic', 'desk']).optional(),
      showOwn: z.boolean().default(false),
      showListed: z.boolean().default(false),
    }),
    output: accessLogAnswerSchema,
    permission: 'patients.read',
  }),
} as const;
