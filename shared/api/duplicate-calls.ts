import { z } from 'zod';
import { requiredText } from '../domain/field-rules';
import { patientIdSchema, patientSummarySchema, sexes } from '../domain/patient';
import { defineCall } from './define-call';

const typed = (max: number) => z.string().max(max).nullish();

/** A possible duplicate of the card being typed (B2), as the shared scorer judged it. */
export const duplicateCandidateSchema = z.object({
  id: patientIdSchema,
  /** 0…1, for ordering; 1 for a hard stop. */
  score: z.number(),
  /** The same SNILS, ЕНП or INN: enrolment stops; the clerk opens (or merges into) this card. */
  hardStop: z.boolean(),
  matches: z.array(
    z.object({
      field: z.enum(['snils', 'enp', 'inn', 'birthDate', 'surname', 'name', 'patronymic']),
      kind: z.enum(['equal', 'folded', 'transliterated', 'typo', 'initial', 'missing']),
      distance: z.number().int(),
    }),
  ),
  patient: patientSummarySchema,
});
export type DuplicateCandidateView = z.infer<typeof duplicateCandidateSchema>;

/** Duplicate cards: finding them while a card is typed, and merging one into another (B2). */
export const duplicateCalls = {
  'patients.duplicates': defineCall({
    // The enrolment form's fields as typed so far, all optional: unfinished identifiers and
    // dates are simply not used, so the form may ask on every change.
    input: z.strictObject({
      surname: typed(100),
      name: typed(100),
      patronymic: typed(100),
      birthDate: typed(10),
      sex: z.enum(sexes).nullish(),
      foreign: z.boolean().optional(),
      snils: typed(20),
      enp: typed(24),
      inn: typed(20),
      phone: typed(30),
      email: typed(320),
      limit: z.number().int().min(1).max(50).default(10),
    }),
    output: z.object({ items: z.array(duplicateCandidateSchema) }),
    permission: 'patients.read',
  }),
  /** What `patients.merge` would move (or why it would refuse), writing nothing: the clerk's confirmation shows it. */
  'patients.mergePlan': defineCall({
    input: z.strictObject({ survivorId: patientIdSchema, mergedId: patientIdSchema }),
    output: z.object({
      identifiers: z.array(z.enum(['snils', 'enp', 'inn'])),
      scans: z.number().int(),
      documents: z.number().int(),
      consents: z.number().int(),
      proxies: z.number().int(),
    }),
    // Only someone who may merge needs to know what a merge would do.
    permission: 'patients.write',
  }),
  'patients.merge': defineCall({
    input: z.strictObject({ survivorId: patientIdSchema, mergedId: patientIdSchema, reason: requiredText(500) }),
    output: z.object({
      survivorId: patientIdSchema,
      mergedId: patientIdSchema,
      /** The identifiers the survivor took from the merged card. */
      identifiers: z.array(z.enum(['snils', 'enp', 'inn'])),
      /** Scans that now belong to the survivor. */
      scans: z.number().int(),
    }),
    permission: 'patients.write',
    writes: true,
  }),
} as const;
