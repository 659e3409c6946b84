import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../shared/errors/catalog';

export const languages = ['ru', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'medcard.language';

export function isLanguage(value: string | null | undefined): value is Language {
  return value != null && (languages as readonly string[]).includes(value);
}

/** The language chosen on this desk; Russian until someone picks another. */
export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(storageKey);
    return isLanguage(value) ? value : 'ru';
  } catch {
    return 'ru';
  }
}

function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Storage can be disabled; the choice then lasts until the window closes.
  }
}

/** The current language, a setter that persists it, and a picker for `{ru, en}` texts. */
export function useLanguage(): {
  language: Language;
  setLanguage: (language: Language) => void;
  pick: (text: LocalizedText) => string;
} {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'ru';
  return {
    language,
    setLanguage: (next) => {
      storeLanguage(next);
      void i18n.changeLanguage(next);
    },
    pick: (text) => text[language],
  };
}
