import { z } from 'zod';
import { normalizeEnp, validateEnp } from '../identifiers/enp';
import { normalizeSnils, validateSnils } from '../identifiers/snils';
import { fail, optionalText, requiredText, text } from '../field-rules';
import { commonFields, digitsField, documentDate, optionalDate } from './document-fields';

/** Паспорт гражданина РФ: `12 34 567890`, issuing office code `770-001`. */
const passport = z.strictObject({
  type: z.literal('passport'),
  series: digitsField(16, /^\d{4}$/, 'document.passport.series'),
  number: digitsField(20, /^\d{6}$/, 'document.passport.number'),
  issuerCode: digitsField(20, /^\d{6}$/, 'document.passport.issuer_code').transform(
    (digits) => `${digits.slice(0, 3)}-${digits.slice(3)}`,
  ),
  issuer: requiredText(300),
  ...commonFields,
});

/** Водительское удостоверение (the current form): `NN NN NNNNNN`, valid 10 years. */
const drivingLicence = z.strictObject({
  type: z.literal('driving_licence'),
  number: digitsField(30, /^\d{10}$/, 'document.driving_licence.number'),
  expiryDate: documentDate,
  ...commonFields,
});

/** Страховое свидетельство / уведомление СНИЛС. */
const snils = z.strictObject({
  type: z.literal('snils'),
  number: text(20)
    .transform(normalizeSnils)
    .superRefine((value, ctx) => {
      const code = validateSnils(value);
      if (code) fail(ctx, code);
    }),
  issueDate: optionalDate,
  condition: commonFields.condition,
});

/**
 * Полис ОМС (B7): `unified` is any policy with an ЕНП (paper, plastic, electronic, the digital
 * one), `temporary` the временное свидетельство (9 digits, with its end date), `old` a policy of
 * the pre-2011 forms (series and number). The insurer is its 5-digit registry code.
 */
const omsFields = {
  type: z.literal('oms_policy'),
  insurerCode: digitsField(10, /^\d{5}$/, 'document.oms.insurer'),
  expiryDate: optionalDate,
  ...commonFields,
};
const omsPolicy = z.discriminatedUnion('form', [
  z.strictObject({
    ...omsFields,
    form: z.literal('unified'),
    number: text(24)
      .transform(normalizeEnp)
      .superRefine((value, ctx) => {
        const code = validateEnp(value);
        if (code) fail(ctx, code);
      }),
  }),
  z.strictObject({
    ...omsFields,
    form: z.literal('temporary'),
    number: digitsField(20, /^\d{9}$/, 'document.oms.temporary_number'),
    expiryDate: documentDate,
  }),
  z.strictObject({
    ...omsFields,
    form: z.literal('old'),
    series: optionalText(
      text(20)
        .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
        .superRefine((value, ctx) => {
          if (!/^[0-9A-ZА-ЯЁ]{1,10}$/u.test(value)) fail(ctx, 'document.oms.old_series');
        }),
    ),
    number: digitsField(24, /^\d{1,16}$/, 'document.oms.old_number'),
  }),
]);

/** Any other photo ID (military ID, foreign passport, residence permit…): photo and signature. */
const otherPhotoId = z.strictObject({
  type: z.literal('other_photo_id'),
  title: requiredText(100),
  series: optionalText(text(20)),
  number: text(40).superRefine((value, ctx) => {
    if (!/^[0-9A-Za-zА-ЯЁа-яё][0-9A-Za-zА-ЯЁа-яё -]{0,29}$/u.test(value)) fail(ctx, 'document.other.number');
  }),
  issuer: requiredText(300),
  expiryDate: optionalDate,
  hasPhoto: z.boolean().superRefine((value, ctx) => {
    if (!value) fail(ctx, 'document.other.photo');
  }),
  hasSignature: z.boolean().superRefine((value, ctx) => {
    if (!value) fail(ctx, 'document.other.signature');
  }),
  ...commonFields,
});

/**
 * An identity document as the desk records it (B3), by `type`. Shapes and check digits only:
 * the rules that need today's date or the holder's birth date are `documentDateIssues`.
 */
export const documentSchema = z.discriminatedUnion('type', [passport, drivingLicence, snils, omsPolicy, otherPhotoId]);
export type DocumentInput = z.input<typeof documentSchema>;
export type IdentityDocument = z.output<typeof documentSchema>;
export type DocumentType = IdentityDocument['type'];
