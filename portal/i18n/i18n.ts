import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { storedLanguage } from './language';
import { ru } from './ru';

/**
 * The cabinet's own i18next instance. Its keys are checked by `TextKey` (use-texts.ts), not by
 * i18next's global type options, which describe the desk's texts.
 */
export function createCabinetI18n(): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    resources: { ru: { translation: ru }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'ru',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  const reflect = (language: string) => {
    // Screen readers and axe read the page's language from <html lang>.
    document.documentElement.lang = language;
    document.title = instance.t('app.title' as never);
  };
  reflect(instance.language);
  instance.on('languageChanged', reflect);
  return instance;
}
