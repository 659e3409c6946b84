import { AppError } from '../../../shared/errors/app-error';

/** The dictionaries the desk knows how to read, by the name the command line takes. */
export const dictionaryKinds = [
  'icd10',
  'insurers',
  'calendar-ru',
  'medicines',
  'services',
  'formulary',
  'specialties',
  'positions',
] as const;
export type DictionaryKind = (typeof dictionaryKinds)[number];

/** Stored names: a kind, or `calendar-ru/YEAR` (each year of the calendar is its own dictionary). */
const storedName = /^(?:icd10|insurers|medicines|services|formulary|specialties|positions|calendar-ru\/\d{4})$/;

export function isDictionaryKind(name: string): name is DictionaryKind {
  return (dictionaryKinds as readonly string[]).includes(name);
}

export function assertDictionaryName(name: string): void {
  if (!storedName.test(name)) {
    throw new AppError('dictionary.unknown', {
      params: { name: name.slice(0, 60), supported: dictionaryKinds.join(', ') },
    });
  }
}

export function assertDictionaryKind(kind: string): asserts kind is DictionaryKind {
  if (!isDictionaryKind(kind))
    throw new AppError('dictionary.unknown', {
      params: { name: kind.slice(0, 60), supported: dictionaryKinds.join(', ') },
    });
}
