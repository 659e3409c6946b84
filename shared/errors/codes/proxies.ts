import type { CodeEntries } from '../code-entries';

/** Trusted persons (B9). */
export const proxyCodes = {
  'proxy.not_found': { ru: 'Доверенное лицо не найдено', en: 'Trusted person not found' },
  'proxy.scope.empty': {
    ru: 'Отметьте хотя бы один раздел медицинской карты',
    en: 'Tick at least one section of the medical record',
  },
  'proxy.scope.repeated': { ru: 'Раздел указан дважды', en: 'A section is listed twice' },
  'proxy.relationship.not_parent': {
    ru: 'Основание «родитель несовершеннолетнего» — только для матери или отца',
    en: 'The basis “parent of a minor” is for the mother or father only',
  },
  'proxy.basis.patient_of_age': {
    ru: 'Пациенту уже исполнилось 15 лет: он сам решает о медицинском вмешательстве, родитель не может быть его представителем по этому основанию',
    en: 'The patient is already 15 and makes their own medical decisions; a parent cannot represent them on this basis',
  },
  'proxy.poa.required': { ru: 'Обязательно для доверенности', en: 'Required for a power of attorney' },
  'proxy.poa.expires_before_issue': {
    ru: 'Срок действия доверенности раньше даты её выдачи',
    en: 'The power of attorney expires before it was issued',
  },
  'proxy.poa.expired': { ru: 'Срок действия доверенности истёк {date}', en: 'The power of attorney expired on {date}' },
  'proxy.poa.issued_future': {
    ru: 'Дата выдачи доверенности в будущем',
    en: 'The power of attorney is issued in the future',
  },
  'proxy.period.before_issue': {
    ru: 'Полномочия не могут начаться раньше выдачи доверенности ({date})',
    en: 'The authority cannot start before the power of attorney was issued ({date})',
  },
  'proxy.period.after_expiry': {
    ru: 'Полномочия не могут действовать дольше доверенности (до {date})',
    en: 'The authority cannot outlast the power of attorney (until {date})',
  },
  'proxy.period.end_before_start': {
    ru: 'Дата окончания раньше даты начала',
    en: 'The end date is before the start date',
  },
  'proxy.period.after_age_of_consent': {
    ru: 'Полномочия родителя заканчиваются {date}, накануне 15-летия пациента: начало не может быть позже',
    en: "A parent's authority ends on {date}, the day before the patient turns 15; it cannot start later",
  },
  'proxy.period.over': {
    ru: 'Полномочия уже закончились {date}',
    en: 'The authority already ended on {date}',
  },
  'proxy.already_revoked': { ru: 'Полномочия уже отозваны {date}', en: 'The authority was already revoked on {date}' },
} as const satisfies CodeEntries<'proxy'>;
