import { z } from 'zod';
import { defineCall } from './define-call';

/** A stored dictionary name: a kind, or `calendar-ru/YEAR` (each year of the calendar is its own). */
export const dictionaryNameSchema = z
  .string()
  .regex(/^(?:icd10|insurers|medicines|services|formulary|specialties|positions|calendar-ru\/\d{4})$/);

/** One entry of a dictionary's active version: its code, display name, whether retired, its own fields. */
export const dictionaryItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  retired: z.boolean(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type DictionaryItem = z.infer<typeof dictionaryItemSchema>;

/**
 * Reference data (НСИ: insurers, МКБ-10, the production calendar, the ЕСКЛП's medicines, the
 * services' nomenclature, the clinic's formulary) for pickers and labels.
 */
export const dictionaryCalls = {
  'dictionaries.search': defineCall({
    // `query`: a code prefix, or words each starting a word of the entry (any order, any case, ё = е;
    // a medicine also by its МНН and trade name): code matches first, then word matches, each in
    // code order. Empty lists the first entries in code order.
    input: z.strictObject({
      name: dictionaryNameSchema,
      query: z.string().max(100).default(''),
      limit: z.number().int().min(1).max(200).default(20),
      includeRetired: z.boolean().default(false),
    }),
    output: z.object({ items: z.array(dictionaryItemSchema) }),
    permission: 'patients.read',
  }),
  'dictionaries.get': defineCall({
    input: z.strictObject({ name: dictionaryNameSchema, code: z.string().min(1).max(64) }),
    // null: no entry with this code in the active version (a retired one is returned, marked).
    output: z.object({ item: dictionaryItemSchema.nullable() }),
    permission: 'patients.read',
  }),
} as const;
