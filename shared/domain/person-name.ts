import type { ErrorCode } from '../errors/catalog';

const cyrillic = /^[А-ЯЁа-яё' -]+$/u;
// Any letter of the Latin script, not only Latin-1: foreign passports carry Ł, Ş, ı, Ğ, Ə, Đ, ư…
// (the lookahead keeps out Latin-script non-letters such as Roman numerals).
const latinOrCyrillic = /^(?:(?=\p{L})\p{Script=Latin}|[А-ЯЁа-яё' -])+$/u;

/**
 * Trims and folds runs of spaces; typographic apostrophes (’ ‘ ʼ ʻ `) become ASCII `'`, and the
 * Unicode hyphens (U+2010, U+2011) that word processors paste become `-`.
 */
export function normalizePersonName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[’‘ʼʻ`]/g, "'")
    .replace(/[\u2010\u2011]/g, '-')
    .trim()
    .replace(/\s+/g, ' ');
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
