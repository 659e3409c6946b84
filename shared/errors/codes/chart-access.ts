import type { CodeEntries } from '../code-entries';

/** Restricted records and break-the-glass (issue 14, F4). */
export const chartAccessCodes = {
  'chart.restriction.not_found': { ru: 'Ограничение не найдено', en: 'No such restriction' },
  'chart.emergency.not_found': { ru: 'Экстренный доступ не найден', en: 'No such emergency access' },
  'chart.access.outside_team': {
    ru: 'Вы не входите в лечащую команду пациента: карта открывается только через экстренный доступ',
    en: "You are not in the patient's treating team: the chart opens only through emergency access",
  },
  'chart.restriction.basis': {
    ru: 'Укажите документ-основание ограничения (от {min} до {max} символов): решение суда или протокол комиссии',
    en: 'Give the document the restriction rests on ({min} to {max} characters): a court decision or a board protocol',
  },
  'chart.restriction.reason': {
    ru: 'Ограничить доступ можно только из-за вреда пациенту или по решению суда',
    en: 'Access may be restricted only for harm to the patient or by a court order',
  },
  'chart.restriction.exists': {
    ru: 'Эта запись (или вся карта) уже ограничена',
    en: 'This entry (or the whole chart) is already restricted',
  },
  'chart.restriction.lifted': {
    ru: 'Ограничение уже снято',
    en: 'The restriction has already been lifted',
  },
  'chart.restriction.lift_reason': {
    ru: 'Укажите, почему ограничение снимается (от {min} до {max} символов)',
    en: 'Say why the restriction is lifted ({min} to {max} characters)',
  },
  'chart.emergency.reason': {
    ru: 'Укажите причину экстренного доступа из списка и опишите её (от {min} до {max} символов)',
    en: 'Choose the reason for emergency access and describe it ({min} to {max} characters)',
  },
  'chart.emergency.key_required': {
    ru: 'Экстренный доступ подтверждается касанием вашего ключа',
    en: 'Emergency access is confirmed by a touch of your key',
  },
  'chart.emergency.not_needed': {
    ru: 'Вы входите в лечащую команду: экстренный доступ не нужен',
    en: 'You are in the treating team: emergency access is not needed',
  },
  'chart.emergency.reviewed': {
    ru: 'Экстренный доступ уже проверен',
    en: 'This emergency access has already been reviewed',
  },
  'chart.emergency.review_note': {
    ru: 'Для вердикта «не обоснован» нужен комментарий (от {min} до {max} символов)',
    en: 'An "unjustified" verdict needs a note ({min} to {max} characters)',
  },
  'chart.emergency.hours': {
    ru: 'Срок экстренного доступа — от {min} до {max} часов',
    en: 'Emergency access lasts from {min} to {max} hours',
  },
  // The server's rules on desks' pushes (server/rights/chart-access-rules.ts).
  'chart.restriction.field_fixed': {
    ru: 'Ограничение нельзя изменить — только снять',
    en: 'A restriction cannot be changed, only lifted',
  },
  'chart.restriction.actor_mismatch': {
    ru: 'Ограничение записано от имени другого сотрудника',
    en: 'The restriction is written in the name of someone else',
  },
  'chart.emergency.actor_mismatch': {
    ru: 'Экстренный доступ или его проверка записаны от имени другого сотрудника',
    en: 'The emergency access or its review is written in the name of someone else',
  },
  'chart.emergency.key_unknown': {
    ru: 'Ключ, которым подтверждён экстренный доступ, не принадлежит этому сотруднику',
    en: 'The key that confirmed the emergency access is not one of this person’s keys',
  },
  'chart.emergency.period': {
    ru: 'Срок экстренного доступа вне допустимого (не более 72 часов)',
    en: 'The emergency access period is out of bounds (at most 72 hours)',
  },
  'chart.emergency.field_fixed': {
    ru: 'Экстренный доступ нельзя изменить — только проверить',
    en: 'An emergency access cannot be changed, only reviewed',
  },
  'chart.emergency.verdict': {
    ru: 'Вердикт проверки — «обоснован» или «не обоснован»',
    en: 'The review verdict is justified or unjustified',
  },
} as const satisfies CodeEntries<'chart'>;
