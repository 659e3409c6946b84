import { z } from 'zod';
import { defineCall } from './define-call';

/** A stored dictionary name: a kind, or `calendar-ru/YEAR` (each year of the calendar is its own). */
export const dictionaryNameSchema = z
  .string()
  .regex(/^(?:icd10|insurers|medicines|services|formulary|specialties|positions|calendar-ru\/\d{4})$/);
export type DictionaryName = z.infer<typeof dictionaryNameSchema>;

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
// `query`: a code prefix, or words each starting a word of the entry (any order, any case, ё = е;
// a medicine also by its МНН and trade name): code matches first, then word matches, each in
// code order. Empty lists the first entries in code order.
const searchInput = <N extends z.ZodType<string>>(name: N) =>
  z.strictObject({
    name,
    query: z.string().max(100).default(''),
    limit: z.number().int().min(1).max(200).default(20),
    includeRetired: z.boolean().default(false),
  });
const getInput = <N extends z.ZodType<string>>(name: N) => z.strictObject({ name, code: z.string().min(1).max(64) });
const searchOutput = z.object({ items: z.array(dictionaryItemSchema) });
// null: no entry with this code in the active version (a retired one is returned, marked).
const getOutput = z.object({ item: dictionaryItemSchema.nullable() });

/** The dictionaries the schedule names (E1), for whoever keeps it — an admin reads no patients. */
const scheduleDictionarySchema = z.enum(['specialties', 'positions', 'services']);

export const dictionaryCalls = {
  'dictionaries.search': defineCall({
    input: searchInput(dictionaryNameSchema),
    output: searchOutput,
    permission: 'patients.read',
  }),
  'dictionaries.get': defineCall({
    input: getInput(dictionaryNameSchema),
    output: getOutput,
    permission: 'patients.read',
  }),
  'dictionaries.searchScheduleCodes': defineCall({
    input: searchInput(scheduleDictionarySchema),
    output: searchOutput,
    permission: 'schedules.manage',
  }),
  'dictionaries.getScheduleCode': defineCall({
    input: getInput(scheduleDictionarySchema),
    output: getOutput,
    permission: 'schedules.manage',
  }),
} as const;
