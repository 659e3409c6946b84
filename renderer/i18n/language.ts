import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../shared/errors/catalog';
import { isLanguage, languageStore, type Language } from '../../shared/web/stored-language';

export { isLanguage, languages, type Language } from '../../shared/web/stored-language';

const store = languageStore('medcard.language');

/** The language chosen on this desk; Russian until someone picks another. */
export function storedLanguage(): Language {
  return store.read();
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
      store.write(next);
      void i18n.changeLanguage(next);
    },
    pick: (text) => text[language],
  };
}
