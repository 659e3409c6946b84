export const languages = ['ru', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'medcard.cabinet.language';

export function isLanguage(value: string | null | undefined): value is Language {
  return value != null && (languages as readonly string[]).includes(value);
}

/** The language chosen in this browser; Russian until the patient picks another. */
export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(storageKey);
    return isLanguage(value) ? value : 'ru';
  } catch {
    return 'ru';
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Storage can be disabled; the choice then lasts until the tab closes.
  }
}
