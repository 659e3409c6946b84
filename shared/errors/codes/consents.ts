import type { CodeEntries } from '../code-entries';

/** Consent to personal-data processing (B8, 152-ФЗ). */
export const consentCodes = {
  'consent.not_found': { ru: 'Согласие не найдено', en: 'Consent not found' },
  'consent.text.missing': {
    ru: 'Текст согласия редакции {version} не найден среди файлов программы',
    en: 'The consent text of version {version} is not among the program files',
  },
  'consent.text.none_in_force': {
    ru: 'На {date} нет действующей редакции текста согласия',
    en: 'No version of the consent text is in force on {date}',
  },
  'consent.text.damaged': {
    ru: 'Файл текста согласия {file} изменён: контрольная сумма SHA-256 не совпадает с указанной в манифесте',
    en: 'The consent text file {file} was altered: its SHA-256 does not match the manifest',
  },
  'consent.text.outdated': {
    ru: 'Согласие принимается только по действующей редакции текста ({current}), показана редакция {version}',
    en: 'Consent is accepted only on the current text ({current}); version {version} was shown',
  },
  'consent.already_valid': {
    ru: 'У пациента уже есть действующее согласие по этой редакции текста',
    en: 'The patient already has a valid consent on this version of the text',
  },
  'consent.already_withdrawn': {
    ru: 'Согласие уже отозвано {date}',
    en: 'The consent was already withdrawn on {date}',
  },
  'consent.signature.format': { ru: 'Подпись должна быть изображением PNG', en: 'The signature must be a PNG image' },
  'consent.signature.empty': {
    ru: 'Подпись пуста или слишком мала — попросите пациента расписаться',
    en: 'The signature is empty or too small; ask the patient to sign',
  },
  'consent.scan.not_found': {
    ru: 'Скан подписанного согласия не найден у этого пациента',
    en: "The scan of the signed consent is not among this patient's scans",
  },
  'consent.scan.wrong_purpose': {
    ru: 'Этот скан снят не как согласие на обработку персональных данных',
    en: 'This scan was not taken as a consent to personal-data processing',
  },
  'consent.scan.attached': {
    ru: 'Этот скан уже приложен к другой записи',
    en: 'This scan is already attached to another record',
  },
} as const satisfies CodeEntries<'consent'>;
