/**
 * Cyrillic → Latin as Russian documents have spelled names, for matching a foreign-citizen or
 * passport spelling with a Cyrillic one. Three systems cover what clerks meet:
 * - ICAO Doc 9303 — Russian passports since 2014 (Приказ ФМС № 320): ц ts, й i, ю iu, я ia, ъ ie;
 * - ГОСТ Р 52535.1-2006 — passports 2010–2014: ц tc, ъ dropped, otherwise as ICAO;
 * - the older МВД/BGN-style spelling still in circulation: й y, ю yu, я ya, ё yo (or e).
 */
const shared: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

export const transliterationSystems = {
  icao: shared,
  gost52535: { ...shared, ц: 'tc', ъ: '' },
  legacy: { ...shared, й: 'y', ю: 'yu', я: 'ya', ё: 'yo', ъ: '' },
} as const satisfies Record<string, Record<string, string>>;

export type TransliterationSystem = keyof typeof transliterationSystems;

export function transliterate(cyrillic: string, system: TransliterationSystem = 'icao'): string {
  const table: Record<string, string> = transliterationSystems[system];
  let out = '';
  for (const char of cyrillic.toLowerCase()) out += table[char] ?? char;
  return out;
}

/** Every distinct spelling of a Cyrillic name across the systems (lower case). */
export function latinSpellings(cyrillic: string): string[] {
  return [
    ...new Set(
      (Object.keys(transliterationSystems) as TransliterationSystem[]).map((system) => transliterate(cyrillic, system)),
    ),
  ];
}

export function hasCyrillic(value: string): boolean {
  return /[\u0400-\u04ff]/u.test(value);
}
