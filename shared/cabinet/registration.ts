import { z } from 'zod';
import { fail, optionalText } from '../domain/field-rules';
import { birthDateField, emailField, innField, personName, sexes, snilsField } from '../domain/patient';
import { validatePersonName } from '../domain/person-name';
import { isMobile } from '../domain/phone';
import { phoneText } from '../domain/patient';

/**
 * What a patient submits to register in the cabinet (issue 11 item 2): the desk's own field rules
 * (shared/domain/patient.ts), so a value the desk refuses is refused here with the same code.
 * Every field is required but the patronymic; SNILS or INN, at least one; the phone is a mobile
 * (the SMS code goes there); names are Cyrillic (a foreign citizen registers at the desk).
 * Birth dates in the future and patients under 15 are the server's checks (they need its clock).
 */
export const registerRequestSchema = z
  .strictObject({
    surname: personName(true),
    name: personName(true),
    patronymic: optionalText(personName(false)),
    birthDate: birthDateField,
    sex: z.enum(sexes),
    snils: optionalText(snilsField),
    inn: optionalText(innField),
    email: emailField,
    phone: phoneText,
  })
  .superRefine((draft, ctx) => {
    const failed = new Set(ctx.issues.map((issue) => issue.path?.[0]));
    for (const field of ['surname', 'name', 'patronymic'] as const) {
      const value = draft[field];
      if (value == null || failed.has(field)) continue;
      const code = validatePersonName(value, { foreign: false });
      if (code) ctx.addIssue({ code: 'custom', path: [field], message: code, params: { code } });
    }
    if (draft.snils === null && draft.inn === null && !failed.has('snils') && !failed.has('inn'))
      ctx.addIssue({
        code: 'custom',
        path: ['snils'],
        message: 'cabinet.register.snils_or_inn',
        params: { code: 'cabinet.register.snils_or_inn' },
      });
    if (!failed.has('phone') && !isMobile(draft.phone))
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'cabinet.register.phone_mobile',
        params: { code: 'cabinet.register.phone_mobile' },
      });
  });
export type RegisterRequestInput = z.input<typeof registerRequestSchema>;
export type RegisterRequest = z.output<typeof registerRequestSchema>;

/** Under this age a patient does not register themselves: a legal representative acts (323-ФЗ art. 54). */
export const minimumSelfAge = 15;

/** The cabinet's own e-mail field (sign-in, resend, activation): the desk's rule, so it normalises alike. */
export const cabinetEmail = emailField;

/** A 6-digit one-time code as typed (spaces allowed). */
export const oneTimeCodeText = z
  .string()
  .max(20)
  .transform((value) => value.replace(/\s/g, ''))
  .superRefine((value, ctx) => {
    if (!/^\d{6}$/.test(value)) fail(ctx, 'cabinet.code.format');
  });
