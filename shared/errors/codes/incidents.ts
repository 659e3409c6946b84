import type { CodeEntries } from '../code-entries';

/** Errors: the clinic's incident log and the 152-ФЗ leak clocks (issue 15, §6.2). */
export const incidentCodes = {
  'incident.not_found': { ru: 'Инцидент не найден', en: 'No such incident' },
  // What a person writes (the desk's form and the server's rule alike).
  'incident.title_required': { ru: 'Коротко назовите, что случилось', en: 'Give the incident a short title' },
  'incident.text_too_long': { ru: 'Текст слишком длинный', en: 'The text is too long' },
  'incident.note_required': { ru: 'Напишите, что сделано или замечено', en: 'Write what was done or seen' },
  'incident.kind_unknown': { ru: 'Неизвестный вид инцидента', en: 'Unknown incident kind' },
  'incident.severity_unknown': { ru: 'Неизвестная серьёзность', en: 'Unknown severity' },
  'incident.detected_in_future': {
    ru: 'Время обнаружения не может быть в будущем',
    en: 'The time of detection cannot be in the future',
  },
  'incident.instant': { ru: 'Время записано неверно', en: 'The time is not a valid instant' },
  // Steps.
  'incident.manage_forbidden': {
    ru: 'Вести инциденты могут только аудитор и администратор',
    en: 'Only an auditor or an administrator handles incidents',
  },
  'incident.transition': {
    ru: 'Так изменить состояние инцидента нельзя',
    en: 'The incident cannot move to that state from here',
  },
  'incident.not_handler': {
    ru: 'Сначала возьмите инцидент себе',
    en: 'Take the incident first',
  },
  'incident.resolution_required': {
    ru: 'Опишите, чем инцидент разрешён',
    en: 'Describe how the incident was resolved',
  },
  'incident.review_before_resolved': {
    ru: 'Разбор пишут после того, как инцидент разрешён',
    en: 'The review is written once the incident is resolved',
  },
  'incident.review_required': {
    ru: 'Напишите разбор: причины и что изменено',
    en: 'Write the review: the causes and what was changed',
  },
  'incident.reviewed': {
    ru: 'Разбор инцидента завершён, изменить его нельзя',
    en: 'The incident has been reviewed and can no longer change',
  },
  'incident.field_fixed': { ru: 'Это поле инцидента не меняется', en: 'This field of the incident cannot change' },
  'incident.actor_mismatch': {
    ru: 'Шаг записан от имени другого сотрудника',
    en: 'The step is recorded in another person’s name',
  },
  'incident.not_creatable': {
    ru: 'Инцидент так не открывают',
    en: 'An incident is not opened this way',
  },
  // 152-ФЗ: a leak's notices.
  'incident.not_leak': {
    ru: 'Уведомления Роскомнадзора записывают только для утечки персональных данных',
    en: 'Regulator notices are recorded only for a personal data leak',
  },
  'incident.leak_kind_fixed': {
    ru: 'Срок по утечке уже идёт: вид «утечка персональных данных» снять нельзя',
    en: 'The leak’s clock has started: the kind «personal data leak» cannot be dropped',
  },
  'incident.notice_in_future': {
    ru: 'Время уведомления не может быть в будущем',
    en: 'The notice time cannot be in the future',
  },
  'incident.notice_before_detected': {
    ru: 'Уведомление не может быть раньше обнаружения',
    en: 'The notice cannot precede the detection',
  },
  'incident.notice_recorded': {
    ru: 'Это уведомление уже записано',
    en: 'This notice has already been recorded',
  },
  'incident.results_before_notice': {
    ru: 'Сначала запишите первое уведомление (24 часа)',
    en: 'Record the first notice (24 hours) first',
  },
  // The timeline.
  'incident.entry_fixed': {
    ru: 'Запись хроники инцидента не меняется',
    en: 'A timeline entry cannot change',
  },
  'incident.entry_kind_unknown': { ru: 'Неизвестный вид записи хроники', en: 'Unknown timeline entry kind' },
} as const satisfies CodeEntries<'incident'>;
