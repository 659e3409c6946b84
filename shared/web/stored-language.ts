/** The product's languages: Russian first. */
export const languages = ['ru', 'en'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: string | null | undefined): value is Language {
  return value != null && (languages as readonly string[]).includes(value);
}

/**
 * The language chosen in this browser (the desk's window, the cabinet's tab), kept under its own
 * key; Russian until someone picks another. Storage can be disabled: the choice then lasts until
 * the page closes.
 */
export function languageStore(storageKey: string): { read(): Language; write(language: Language): void } {
  return {
    read() {
      try {
        const value = localStorage.getItem(storageKey);
        return isLanguage(value) ? value : 'ru';
      } catch {
        return 'ru';
      }
    },
    write(language) {
      try {
        localStorage.setItem(storageKey, language);
      } catch {
        // Not kept: the choice lasts until the page closes.
      }
    },
  };
}
