import type { CodeEntries } from '../code-entries';

/** Who opened my card (issue 14, F2). */
export const accessLogCodes = {
  'access_log.unavailable': {
    ru: 'Журнал доступа клиники сейчас недоступен: показаны события этого рабочего места',
    en: "The clinic's access log is unavailable now: this desk's events are shown",
  },
  'access_log.person_not_found': {
    ru: 'Этого человека нет среди тех, чьи карты вам доступны',
    en: 'This person is not among those whose cards you may see',
  },
  'access_log.out_of_scope': {
    ru: 'Доверенность не даёт права смотреть журнал доступа к карте этого человека: нужен раздел «Персональные данные»',
    en: "The power of attorney does not cover this person's access log: it needs the «Personal data» section",
  },
  'access_log.not_linked': {
    ru: 'Учётная запись ещё не связана с картой в поликлинике',
    en: 'The account is not linked to a card at the clinic yet',
  },
} as const satisfies CodeEntries<'access_log'>;
