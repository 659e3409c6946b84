import type { Language } from '../../../i18n/language';
import type { Translate } from '../../../i18n/use-texts';

/** A file's size as a person reads it: `1,4 МБ`, `820 КБ`. */
export function fileSize(bytes: number, t: Translate, language: Language): string {
  const locale = language === 'ru' ? 'ru-RU' : 'en-GB';
  if (bytes >= 1024 * 1024) {
    const value = (bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 });
    return t('documents.megabytes', { value });
  }
  return t('documents.kilobytes', { value: Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale) });
}
