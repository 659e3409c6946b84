import { damerauLevenshtein } from './edit-distance';
import { hasCyrillic, latinSpellings } from './transliteration';

/**
 * How two spellings of one name part relate: `equal` as typed; `folded` equal after case,
 * ё → е, Latin diacritics and punctuation are set aside (Алёна / Алена, Saint-Exupéry /
 * saint exupery); `transliterated` one is a Latin spelling of the other (Иванов / Ivanov);
 * `typo` within the edit distance allowed for its length (Петрова / Петрлва); `initial` an
 * abbreviated patronymic (П. / Петровна); `missing` one side has none.
 */
export type NameMatchKind = 'equal' | 'folded' | 'transliterated' | 'typo' | 'initial' | 'missing';

export interface NameMatch {
  kind: NameMatchKind;
  /** Edits between the two (0 unless a typo). */
  distance: number;
}

/** Lower case, ё → е, no Latin diacritics, letters only (Cyrillic й stays й). */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}]/gu, '');
}

/**
 * Typos allowed between spellings whose longer one has `length` letters: none below 4 (Ли / Ло
 * are two people), one up to 9, two up to 15, three beyond. Measured on the demo surname list:
 * 0.02% of pairs of different surnames fall within it (Носов / Носков, Быков / Зыков) — with the
 * same first name and birth date, those are worth a clerk's look anyway.
 */
export function typoLimit(length: number): number {
  if (length < 4) return 0;
  return length < 10 ? 1 : length < 16 ? 2 : 3;
}

/** Compares one name part (surname or first name), or returns null when they differ. */
export function compareNames(a: string, b: string): NameMatch | null {
  if (a.trim() === b.trim()) return { kind: 'equal', distance: 0 };
  const [left, right] = [foldName(a), foldName(b)];
  if (left === '' || right === '') return null;
  if (left === right) return { kind: 'folded', distance: 0 };
  const crossScript = hasCyrillic(left) !== hasCyrillic(right);
  const pairs: [string, string][] = crossScript
    ? latinSpellings(hasCyrillic(left) ? left : right).map((spelling) => [spelling, hasCyrillic(left) ? right : left])
    : [[left, right]];
  if (crossScript && pairs.some(([x, y]) => x === y)) return { kind: 'transliterated', distance: 0 };
  let best = Number.POSITIVE_INFINITY;
  for (const [x, y] of pairs) {
    const limit = typoLimit(Math.max([...x].length, [...y].length));
    const distance = damerauLevenshtein(x, y, limit);
    if (distance <= limit) best = Math.min(best, distance);
  }
  return best === Number.POSITIVE_INFINITY ? null : { kind: 'typo', distance: best };
}

/**
 * Whether `compareNames(a, b)` can match when only b's search fold is at hand (lower case, ё → е:
 * `patients.surname_fold`, read from an index without the row). Never false for a pair that
 * matches: every rule past the exact one compares `foldName` of both sides, and `foldName` of a
 * search fold is `foldName` of the name. A fold with no letters is left to the full comparison.
 */
export function mayMatchFolded(a: string, bFold: string): boolean {
  return compareNames(a, bFold) !== null || foldName(bFold) === '';
}

const initialPattern = /^\p{L}\.?$/u;

/** A patronymic may be missing on either side or abbreviated to its initial. */
export function comparePatronymics(a: string | null | undefined, b: string | null | undefined): NameMatch | null {
  const [left, right] = [(a ?? '').trim(), (b ?? '').trim()];
  if (left === '' || right === '') return { kind: 'missing', distance: 0 };
  if (initialPattern.test(left) || initialPattern.test(right)) {
    const initials = (value: string) => {
      const letter = foldName(value).slice(0, 1);
      return hasCyrillic(letter) ? latinSpellings(letter).map((spelling) => spelling.slice(0, 1)) : [letter];
    };
    const [x, y] = [initials(left), initials(right)];
    const sameScript = hasCyrillic(left) === hasCyrillic(right);
    const same = sameScript
      ? foldName(left).slice(0, 1) === foldName(right).slice(0, 1)
      : x.some((letter) => y.includes(letter));
    return same ? { kind: 'initial', distance: 0 } : null;
  }
  return compareNames(left, right);
}
