import { languageStore, type Language } from '../../shared/web/stored-language';

export { isLanguage, languages, type Language } from '../../shared/web/stored-language';

const store = languageStore('medcard.cabinet.language');

/** The language chosen in this browser; Russian until the patient picks another. */
export function storedLanguage(): Language {
  return store.read();
}

export function storeLanguage(language: Language): void {
  store.write(language);
}
