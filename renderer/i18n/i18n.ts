import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { storedLanguage } from './language';
import { ru } from './ru';

export const resources = { ru: { translation: ru }, en: { translation: en } } as const;

function reflectLanguage(language: string): void {
  // Screen readers and axe read the page's language from <html lang>.
  document.documentElement.lang = language;
  document.title = i18next.t('app.title');
}

/** Starts i18next synchronously with the desk's stored language. */
export function initI18n(): void {
  void i18next.use(initReactI18next).init({
    resources,
    lng: storedLanguage(),
    fallbackLng: 'ru',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  reflectLanguage(i18next.language);
  i18next.on('languageChanged', reflectLanguage);
}
