import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../shared/errors/catalog';
import { isLanguage, storeLanguage, type Language } from './language';
import type { Translation } from './ru';

/** A plural form's key (`times_few`) is asked for by its base (`times`) with a `count`: i18next picks the form. */
type PluralBase<K extends string> = K extends `${infer B}_${'one' | 'few' | 'many' | 'other'}` ? B : K;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${PluralBase<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every text key of the cabinet, `section.key`: a typo fails the type check. */
export type TextKey = Leaves<Translation>;
export type TextParams = Record<string, string | number>;
export type Translate = (key: TextKey, params?: TextParams) => string;

/** The cabinet's texts in the current language, the language and its setter, and a picker for `{ru, en}` texts. */
export function useTexts(): {
  t: Translate;
  language: Language;
  setLanguage: (language: Language) => void;
  pick: (text: LocalizedText) => string;
} {
  const { t, i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'ru';
  const translate = t as unknown as (key: string, params?: TextParams) => string;
  return {
    t: (key, params) => translate(key, params),
    language,
    setLanguage: (next) => {
      storeLanguage(next);
      void i18n.changeLanguage(next);
    },
    pick: (text) => text[language],
  };
}
