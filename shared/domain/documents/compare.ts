import { z } from 'zod';
import { sexes, type Sex } from '../patient';
import { normalizePersonName } from '../person-name';
import { optionalText, requiredText, text } from '../field-rules';
import { documentDate } from './document-fields';

/** What the clerk reads from the document in hand, to set beside the record (B5). */
export const documentReadingSchema = z.strictObject({
  surname: requiredText(100).transform(normalizePersonName),
  name: requiredText(100).transform(normalizePersonName),
  patronymic: optionalText(text(100).transform(normalizePersonName)),
  birthDate: documentDate,
  /** Null where the document does not state it (a driving licence). */
  sex: z.enum(sexes).nullable(),
});
export type DocumentReadingInput = z.input<typeof documentReadingSchema>;
export type DocumentReading = z.output<typeof documentReadingSchema>;

export const comparedFields = ['surname', 'name', 'patronymic', 'birthDate', 'sex', 'number'] as const;
export type ComparedField = (typeof comparedFields)[number];

/**
 * `equal`: the same (names regardless of case: passports print capitals); `yo`: names that differ
 * only by ё/е (often the same person written two ways, still for the clerk to confirm);
 * `different`: anything else, including a value on one side only.
 */
export const comparisonKinds = ['equal', 'yo', 'different'] as const;
export type ComparisonKind = (typeof comparisonKinds)[number];

/** The clerk's answer to a mismatch: the difference is confirmed, or the record takes the document's value. */
export const mismatchResolutions = ['confirmed', 'corrected'] as const;
export type MismatchResolution = (typeof mismatchResolutions)[number];

export const fieldComparisonSchema = z.object({
  field: z.enum(comparedFields),
  record: z.string().nullable(),
  document: z.string().nullable(),
  kind: z.enum(comparisonKinds),
  resolution: z.enum(mismatchResolutions).nullable(),
});
export type FieldComparison = z.infer<typeof fieldComparisonSchema>;

/** A stored comparison: each field as it was compared and, for mismatches, what the clerk decided. */
export const documentComparisonSchema = z.object({ fields: z.array(fieldComparisonSchema) });
export type DocumentComparison = z.infer<typeof documentComparisonSchema>;

/** The registration data a document is compared with. */
export interface ComparedRecord {
  surname: string;
  name: string;
  patronymic: string | null;
  birthDate: string;
  sex: Sex;
  snils: string | null;
  enp: string | null;
}

/** The document's own fields that take part: its type and number. */
export interface ComparedDocument {
  type: string;
  form: string | null;
  number: string;
}

function nameKind(record: string | null, document: string | null): ComparisonKind {
  if (record === null || document === null) return record === document ? 'equal' : 'different';
  const [a, b] = [record.toLocaleLowerCase('ru'), document.toLocaleLowerCase('ru')];
  if (a === b) return 'equal';
  return a.replace(/ё/g, 'е') === b.replace(/ё/g, 'е') ? 'yo' : 'different';
}

const exactKind = (record: string | null, document: string | null): ComparisonKind =>
  record === document ? 'equal' : 'different';

/**
 * The record's identifier the document's number must match: a SNILS notice's number is the
 * patient's SNILS, an OMS policy with an ЕНП carries the patient's ЕНП. Other documents' numbers
 * are not on the record.
 */
export function recordNumberField(document: Pick<ComparedDocument, 'type' | 'form'>): 'snils' | 'enp' | null {
  if (document.type === 'snils') return 'snils';
  if (document.type === 'oms_policy' && document.form === 'unified') return 'enp';
  return null;
}

/** Field by field, the record beside what the document says (B5). */
export function compareWithRecord(
  record: ComparedRecord,
  document: ComparedDocument,
  reading: DocumentReading,
): FieldComparison[] {
  const row = (
    field: ComparedField,
    recordValue: string | null,
    documentValue: string | null,
    kind: ComparisonKind,
  ): FieldComparison => ({
    field,
    record: recordValue,
    document: documentValue,
    kind,
    resolution: null,
  });
  const fields = [
    row('surname', record.surname, reading.surname, nameKind(record.surname, reading.surname)),
    row('name', record.name, reading.name, nameKind(record.name, reading.name)),
    row('patronymic', record.patronymic, reading.patronymic, nameKind(record.patronymic, reading.patronymic)),
    row('birthDate', record.birthDate, reading.birthDate, exactKind(record.birthDate, reading.birthDate)),
  ];
  if (reading.sex !== null) fields.push(row('sex', record.sex, reading.sex, exactKind(record.sex, reading.sex)));
  const numberField = recordNumberField(document);
  if (numberField)
    fields.push(row('number', record[numberField], document.number, exactKind(record[numberField], document.number)));
  return fields;
}

export function isMismatch(comparison: Pick<FieldComparison, 'kind'>): boolean {
  return comparison.kind !== 'equal';
}

/**
 * A name as the record keeps it: documents print capitals (`СЕМЁНОВА-ЩЕРБА`), the record has
 * `Семёнова-Щерба`. A name typed in mixed case is kept as typed.
 */
export function recordCase(name: string): string {
  if (name !== name.toLocaleUpperCase('ru')) return name;
  return name
    .toLocaleLowerCase('ru')
    .replace(
      /(^|[\s'-])(\p{L})/gu,
      (_match, before: string, letter: string) => before + letter.toLocaleUpperCase('ru'),
    );
}
