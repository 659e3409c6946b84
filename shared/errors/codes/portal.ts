import type { CodeEntries } from '../code-entries';

/** The patients' portal's API on the central server (B6). */
export const portalCodes = {
  'portal.not_configured': {
    ru: 'Доступ портала пациентов к серверу не настроен (MEDCARD_PORTAL_TOKEN)',
    en: 'The patients’ portal has no access to this server (MEDCARD_PORTAL_TOKEN is not set)',
  },
  'portal.auth.missing': { ru: 'Запрос портала без ключа доступа', en: 'The portal’s request carries no access token' },
  'portal.auth.wrong': { ru: 'Неверный ключ доступа портала', en: 'The portal’s access token is wrong' },
  'portal.patient_unknown': { ru: 'Пациент {id} не найден на сервере', en: 'Patient {id} is not on the server' },
  'portal.identity_locked': {
    ru: 'Подтверждение личности онлайн заблокировано после {failures} неудачных попыток: пациенту нужно прийти в регистратуру с оригиналами документов',
    en: 'Online identity confirmation is locked after {failures} failed attempts: the patient must bring the original documents to the front desk',
  },
} as const satisfies CodeEntries<'portal'>;
