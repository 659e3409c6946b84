import type { CodeEntries } from '../code-entries';

/** Identity documents (B3): each field names its rule; dates are shown as ДД.ММ.ГГГГ. */
export const documentCodes = {
  'document.date.format': { ru: 'Дата в формате ДД.ММ.ГГГГ', en: 'Date as DD.MM.YYYY' },
  'document.date.invalid': { ru: 'Такой даты нет в календаре', en: 'No such calendar date' },
  'document.issue_date.future': { ru: 'Дата выдачи документа в будущем', en: 'The issue date is in the future' },
  'document.issue_date.before_birth': {
    ru: 'Документ выдан раньше даты рождения {birthDate}',
    en: 'The document was issued before the birth date {birthDate}',
  },
  'document.expiry.before_issue': {
    ru: 'Срок действия кончается раньше даты выдачи',
    en: 'The document expires before it was issued',
  },
  'document.expired': {
    ru: 'Срок действия документа истёк {expiry}: документ не принимается',
    en: 'The document expired on {expiry} and cannot be accepted',
  },
  'document.damaged': {
    ru: 'Повреждённый документ не принимается: попросите другой документ',
    en: 'A damaged document cannot be accepted: ask for another document',
  },
  'document.passport.series': { ru: 'Серия паспорта — 4 цифры', en: 'The passport series is 4 digits' },
  'document.passport.number': { ru: 'Номер паспорта — 6 цифр', en: 'The passport number is 6 digits' },
  'document.passport.issuer_code': {
    ru: 'Код подразделения — 6 цифр в виде 000-000',
    en: 'The issuing office code is 6 digits as 000-000',
  },
  'document.passport.issued_too_young': {
    ru: 'Паспорт выдают с 14 лет: дата выдачи не раньше {minDate}',
    en: 'A passport is issued from the age of 14: the issue date cannot be before {minDate}',
  },
  'document.driving_licence.number': {
    ru: 'Номер водительского удостоверения — 10 цифр в виде 00 00 000000',
    en: 'The driving licence number is 10 digits as 00 00 000000',
  },
  'document.oms.temporary_number': {
    ru: 'Номер временного свидетельства — 9 цифр',
    en: 'The temporary certificate number is 9 digits',
  },
  'document.oms.old_series': {
    ru: 'Серия полиса старого образца — до 10 букв и цифр',
    en: 'The series of an old-style policy is up to 10 letters and digits',
  },
  'document.oms.old_number': {
    ru: 'Номер полиса старого образца — до 16 цифр',
    en: 'The number of an old-style policy is up to 16 digits',
  },
  'document.oms.insurer': {
    ru: 'Код страховой медицинской организации — 5 цифр из реестра СМО',
    en: 'The insurer code is the 5 digits of the insurers’ registry',
  },
  'document.other.number': {
    ru: 'Номер документа — до 30 букв, цифр, пробелов и дефисов',
    en: 'The document number is up to 30 letters, digits, spaces and hyphens',
  },
  'document.other.photo': {
    ru: 'Документ принимается, только если в нём есть фотография владельца',
    en: 'The document is accepted only if it carries the holder’s photo',
  },
  'document.other.signature': {
    ru: 'Документ принимается, только если в нём есть подпись владельца',
    en: 'The document is accepted only if it carries the holder’s signature',
  },
  'document.not_found': { ru: 'Документ не найден', en: 'Document not found' },
  'document.number_taken': {
    ru: 'Документ с этим номером уже записан у другого пациента: {patient}. Проверьте документ или откройте ту карту',
    en: 'A document with this number is already recorded for another patient: {patient}. Check the document or open that card',
  },
  'document.active_exists': {
    ru: 'У пациента уже есть действующий документ этого вида: замените его, а не добавляйте второй',
    en: 'The patient already has a current document of this kind: replace it rather than add a second one',
  },
  'document.superseded': { ru: 'Документ уже заменён другим', en: 'The document has already been replaced' },
  'document.replace.type': {
    ru: 'Новый документ должен быть того же вида, что и заменяемый',
    en: 'The new document must be of the same kind as the one it replaces',
  },
  'document.replace.changed_on': {
    ru: 'Дата смены документа не может быть в будущем',
    en: 'The date the document changed cannot be in the future',
  },
  'document.oms.insurer_unknown': {
    ru: 'СМО с кодом {code} нет среди действующих в справочнике страховых организаций',
    en: 'No current insurer with code {code} in the insurers dictionary',
  },
  'document.oms.not_policy': { ru: 'Это не полис ОМС', en: 'This is not an OMS policy' },
  'document.oms.reason_required': {
    ru: 'Укажите причину отказа в подтверждении полиса',
    en: 'Give the reason the policy is rejected',
  },
  'document.oms.reason_unexpected': {
    ru: 'Причина указывается только при отказе',
    en: 'A reason is given only when the policy is rejected',
  },
  'document.oms.check_failed.wrong_number': {
    ru: 'Полис нельзя подтвердить: номер полиса неверен',
    en: 'The policy cannot be confirmed: the policy number is wrong',
  },
  'document.oms.check_failed.expired': {
    ru: 'Полис нельзя подтвердить: срок его действия истёк',
    en: 'The policy cannot be confirmed: it has expired',
  },
  'document.oms.check_failed.insurer_unknown': {
    ru: 'Полис нельзя подтвердить: СМО нет среди действующих в справочнике',
    en: 'The policy cannot be confirmed: the insurer is not a current one in the dictionary',
  },
  'document.oms.check_failed.insurer_refused': {
    ru: 'Полис нельзя подтвердить: СМО его не подтверждает',
    en: 'The policy cannot be confirmed: the insurer does not confirm it',
  },
  'document.compare.unresolved': {
    ru: 'Расхождение не разобрано: подтвердите его или исправьте карту по документу',
    en: 'Unresolved mismatch: confirm it or correct the record from the document',
  },
} as const satisfies CodeEntries<'document'>;
