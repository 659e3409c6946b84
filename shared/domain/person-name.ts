import type { ErrorCode } from '../errors/catalog';

const cyrillic = /^[А-ЯЁа-яё' -]+$/u;
const latinOrCyrillic = /^[A-Za-zÀ-ÖØ-öø-ÿА-ЯЁа-яё' -]+$/u;

/** Trims and folds runs of spaces; typographic apostrophes become ASCII. */
export function normalizePersonName(raw: string): string {
  return raw.normalize('NFC').replace(/[’ʼ`]/g, "'").trim().replace(/\s+/g, ' ');
}

/** Surname, name or patronymic. Foreign citizens may have Latin names (B1). */
export function validatePersonName(value: string, options: { foreign: boolean }): ErrorCode | null {
  const alphabet = options.foreign ? latinOrCyrillic : cyrillic;
  if (!alphabet.test(value)) return options.foreign ? 'patient.name.latin_alphabet' : 'patient.name.alphabet';
  if (/^[' -]|[' -]$|[' -]{2}/.test(value)) return 'patient.name.shape';
  return null;
}

/** The form used for search: lower case, ё → е, so that «Семёнов» is found by «семен». */
export function searchFold(value: string): string {
  return value.toLowerCase().replace(/ё/g, 'е');
}
