import type { CodeEntries } from '../code-entries';

/**
 * The patient cabinet's identity confirmation online (B6), federated sign-in through the identity
 * provider (OIDC) and the people an account represents (B9).
 */
export const cabinetIdentityCodes = {
  'cabinet.identity.not_linked': {
    ru: 'Учётная запись ещё не связана с картой пациента в клинике',
    en: 'The account is not linked to a patient card of the clinic yet',
  },
  'cabinet.identity.already_confirmed': {
    ru: 'Личность уже подтверждена',
    en: 'Your identity is already confirmed',
  },
  'cabinet.identity.no_channel': {
    ru: 'В карте пациента нет контакта для этого способа ({channel}): выберите другой или загрузите документ',
    en: 'The patient card has no contact for this channel ({channel}): choose another or upload a document',
  },
  'cabinet.identity.code_wrong': {
    ru: 'Неверный код. Осталось попыток: {left}',
    en: 'Wrong code. Attempts left: {left}',
  },
  'cabinet.identity.code_expired': {
    ru: 'Срок действия кода истёк: запросите новый',
    en: 'The code has expired: request a new one',
  },
  'cabinet.identity.code_used': {
    ru: 'Этот код уже использован: запросите новый',
    en: 'This code has already been used: request a new one',
  },
  'cabinet.identity.code_none': {
    ru: 'Код не запрашивался: сначала запросите код',
    en: 'No code was requested: request a code first',
  },
  'cabinet.identity.code_format': {
    ru: 'Код — шесть цифр',
    en: 'The code is six digits',
  },
  'cabinet.identity.scan_unknown': {
    ru: 'Скан документа не найден среди загруженных для вашей карты',
    en: 'The document scan is not among those uploaded for your card',
  },
  'cabinet.identity.document_type': {
    ru: 'Для подтверждения личности подходит паспорт, водительское удостоверение, другой документ с фотографией или СНИЛС',
    en: 'A passport, driving licence, other photo ID or SNILS notice confirms identity',
  },
  'cabinet.identity.document_number': {
    ru: 'Укажите номер документа',
    en: 'Enter the document’s number',
  },
  'cabinet.identity.document_mismatch': {
    ru: 'Данные документа не совпадают с документами в карте пациента. Осталось попыток: {left}',
    en: 'The document’s details do not match the documents on the patient card. Attempts left: {left}',
  },
  'cabinet.oidc.not_configured': {
    ru: 'Вход через портал госуслуг не настроен на этом сервере',
    en: 'Sign-in through the government portal is not set up on this server',
  },
  'cabinet.oidc.unreachable': {
    ru: 'Портал входа сейчас недоступен: попробуйте позже',
    en: 'The sign-in portal cannot be reached now: try again later',
  },
  'cabinet.oidc.state': {
    ru: 'Вход не завершён: начните вход заново (ссылка устарела или открыта в другом браузере)',
    en: 'The sign-in did not finish: start again (the link is stale or was opened in another browser)',
  },
  'cabinet.oidc.denied': {
    ru: 'Портал входа отказал во входе',
    en: 'The sign-in portal refused the sign-in',
  },
  'cabinet.oidc.provider_error': {
    ru: 'Ответ портала входа не прошёл проверку',
    en: 'The sign-in portal’s answer failed verification',
  },
  'cabinet.oidc.birthdate': {
    ru: 'Портал входа не сообщил дату рождения: без неё карту пациента не найти',
    en: 'The sign-in portal gave no birth date: the patient card cannot be found without it',
  },
  'cabinet.oidc.claims_missing': {
    ru: 'Портал входа не сообщил нужные данные: {claims}',
    en: 'The sign-in portal did not give the data needed: {claims}',
  },
  'cabinet.oidc.email_taken': {
    ru: 'Этот адрес электронной почты уже занят другой учётной записью: войдите по паролю',
    en: 'This e-mail address belongs to another account: sign in with its password',
  },
} as const satisfies CodeEntries<'cabinet'>;
