import type { ErrorCode } from '../errors/catalog';

/** Longer than any Russian postal address with region, district, settlement, street and flat. */
export const addressMaxLength = 300;

// Invisible characters that change how text is shown without being seen: bidi overrides and
// isolates (U+202A–202E, U+2066–2069, which can make «кв. 12» display as «21 .вк»), zero-width
// joiners and spaces, the BOM, and any other format character, plus private-use, unassigned
// and lone surrogates. C0/C1 control characters are the text rule's (`input.control_chars`).
const invisible = /[\p{Cf}\p{Co}\p{Cn}\p{Cs}]/u;

// What a postal address is written with: letters of any script (a foreign citizen's address
// abroad), combining marks, digits, spaces and the punctuation of Russian addresses.
const allowed = /^[\p{L}\p{M}\p{Nd} .,;:\-–—/\\№#()"«»'’]+$/u;

/**
 * Trims, composes (NFC) and folds runs of spaces (any Unicode space counts); typographic apostrophes
 * become `'`, and the Unicode hyphens that word processors paste become `-`.
 */
export function normalizeAddress(raw: string): string {
  return (
    raw
      .normalize('NFC')
      .replace(/[‘ʼ`]/g, "'")
      .replace(/[\u2010\u2011]/g, '-')
      // A no-break or thin space pasted from a document is a space.
      .replace(/\p{Zs}/gu, ' ')
      .trim()
      .replace(/ {2,}/g, ' ')
  );
}

/** A postal address as one line of text (B1): visible characters of an address, with a letter. */
export function validateAddress(value: string): { code: ErrorCode; params?: Record<string, string> } | null {
  if (invisible.test(value)) return { code: 'patient.address.invisible' };
  if (!allowed.test(value)) {
    const symbol = [...value].find((ch) => !allowed.test(ch)) ?? '';
    return { code: 'patient.address.characters', params: { symbol } };
  }
  if (!/\p{L}/u.test(value)) return { code: 'patient.address.no_letters' };
  return null;
}
