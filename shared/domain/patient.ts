import { z } from 'zod';
import { addressMaxLength, normalizeAddress, validateAddress } from './address';
import { validateBirthDate } from './calendar-date';
import { normalizeEmail } from './email';
import { fail, optionalText, requiredText, text } from './field-rules';
import { normalizeEnp, validateEnp } from './identifiers/enp';
import { normalizeInn, validateInn } from './identifiers/inn';
import { normalizeSnils, validateSnils } from './identifiers/snils';
import { normalizePersonName, validatePersonName } from './person-name';
import { normalizePhone } from './phone';

export const sexes = ['male', 'female'] as const;
export type Sex = (typeof sexes)[number];

const snils = text(20)
  .transform(normalizeSnils)
  .superRefine((value, ctx) => {
    const code = validateSnils(value);
    if (code) fail(ctx, code);
  });

const enp = text(24)
  .transform(normalizeEnp)
  .superRefine((value, ctx) => {
    const code = validateEnp(value);
    if (code) fail(ctx, code);
  });

const inn = text(20)
  .transform(normalizeInn)
  .superRefine((value, ctx) => {
    const code = validateInn(value);
    if (code) fail(ctx, code);
  });

/** A Russian mobile or landline number as typed, stored as E.164 (patients and their trusted persons). */
export const phoneText = text(30)
  .superRefine((value, ctx) => {
    const result = normalizePhone(value);
    if (!result.ok) fail(ctx, result.code, result.params);
  })
  .transform((value) => {
    const result = normalizePhone(value);
    return result.ok ? result.e164 : value;
  });

// 254 is RFC 5321's limit; a few more characters are let through so that the validator, not
// the length check, says what is wrong (a long Cyrillic domain is shorter in its ASCII form).
const email = text(320)
  .superRefine((value, ctx) => {
    if (ctx.issues.length > 0) return; // control characters: one error is enough
    const result = normalizeEmail(value);
    if (!result.ok) fail(ctx, result.code, result.params);
  })
  .transform((value) => {
    const result = normalizeEmail(value);
    return result.ok ? result.email : value;
  });

const address = text(addressMaxLength)
  .transform(normalizeAddress)
  .superRefine((value, ctx) => {
    if (ctx.issues.length > 0) return; // control characters: one error is enough
    const problem = validateAddress(value);
    if (problem) fail(ctx, problem.code, problem.params);
  });

// Shape and calendar only: "not in the future" needs the desk's clock and is the service's check.
const birthDate = text(10).superRefine((value, ctx) => {
  const code = validateBirthDate(value, '9999-12-31');
  if (code) fail(ctx, code);
});

const nameFields = ['surname', 'name', 'patronymic'] as const;

/**
 * A surname, name or patronymic (a patient's or a trusted person's), tidied. Alphabet and shape
 * are checked on the whole draft: "Latin only for foreign citizens" needs the flag (zod still
 * runs that check when other fields failed, so all errors show at once).
 */
export const personName = (required: boolean) =>
  (required ? requiredText(100) : text(100)).transform(normalizePersonName);

/** What the desk submits to enrol a patient (B1). Strings as typed; the schema normalises. */
export const patientDraftSchema = z
  .strictObject({
    surname: personName(true),
    name: personName(true),
    patronymic: optionalText(personName(false)),
    birthDate,
    sex: z.enum(sexes),
    foreign: z.boolean().default(false),
    snils: optionalText(snils),
    enp: optionalText(enp),
    inn: optionalText(inn),
    phone: optionalText(phoneText),
    email: optionalText(email),
    address: optionalText(address),
  })
  .superRefine((draft, ctx) => {
    // A name field that already failed (blank, too long, control characters) holds the raw input:
    // judging its alphabet too would add a second, misleading error to the same field.
    const failed = new Set(ctx.issues.map((issue) => issue.path?.[0]));
    for (const field of nameFields) {
      const value = draft[field];
      if (value == null || failed.has(field)) continue;
      const code = validatePersonName(value, { foreign: draft.foreign });
      if (code) ctx.addIssue({ code: 'custom', path: [field], message: code, params: { code } });
    }
  });
export type PatientDraftInput = z.input<typeof patientDraftSchema>;
export type PatientDraft = z.output<typeof patientDraftSchema>;

export const patientIdSchema = z.uuid();

export const patientSchema = z.object({
  id: patientIdSchema,
  surname: z.string(),
  name: z.string(),
  patronymic: z.string().nullable(),
  birthDate: z.string(),
  sex: z.enum(sexes),
  foreign: z.boolean(),
  snils: z.string().nullable(),
  enp: z.string().nullable(),
  inn: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** The staff member's name as this desk knows it; null when the account is not known here. */
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  updatedByName: z.string().nullable(),
  /** The card this one was merged into (B2); a merged card is kept, readable, and hidden from search. */
  mergedInto: patientIdSchema.nullable(),
});
export type Patient = z.infer<typeof patientSchema>;

export const patientSummarySchema = patientSchema.pick({
  id: true,
  surname: true,
  name: true,
  patronymic: true,
  birthDate: true,
  sex: true,
  snils: true,
  phone: true,
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

/** The desk's field rules, for other forms that take the same fields (the cabinet's registration). */
export { snils as snilsField, inn as innField, email as emailField, birthDate as birthDateField };
