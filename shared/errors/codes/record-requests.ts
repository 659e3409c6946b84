import type { CodeEntries } from '../code-entries';

/** Patients' requests for their records (issue 14, F3, seed §5.3). */
export const recordRequestCodes = {
  'records.request.not_found': { ru: 'Запрос не найден', en: 'No such request' },
  // The desk's steps (H4): taking, files, paper, finishing.
  'records.request.taken': {
    ru: 'Запрос уже в работе у сотрудника {by}',
    en: 'The request is already being handled by {by}',
  },
  'records.request.not_in_work': {
    ru: 'Сначала возьмите запрос в работу',
    en: 'Take the request into work first',
  },
  'records.request.done': { ru: 'Запрос уже исполнен', en: 'The request is already fulfilled' },
  'records.request.format_not_asked': {
    ru: 'Этот формат пациент не запрашивал',
    en: 'The patient did not ask for this format',
  },
  'records.request.file_exists': {
    ru: 'Файл в этом формате уже сделан',
    en: 'The file in this format has already been made',
  },
  'records.request.file_in_progress': {
    ru: 'Файл в этом формате уже готовится',
    en: 'The file in this format is being made already',
  },
  'records.request.file_failed': {
    ru: 'Не удалось сделать файл: {detail}',
    en: 'Could not make the file: {detail}',
  },
  'records.request.file_cancelled': { ru: 'Создание файла отменено', en: 'Making the file was cancelled' },
  'records.request.job_unknown': {
    ru: 'Задание на создание файла не найдено или уже завершено давно',
    en: 'No such file job, or it ended long ago',
  },
  'records.request.paper_not_asked': {
    ru: 'Бумажную копию пациент не запрашивал',
    en: 'The patient did not ask for a paper copy',
  },
  'records.request.paper_handed': {
    ru: 'Бумажная копия уже выдана',
    en: 'The paper copy has already been handed over',
  },
  'records.request.files_missing': {
    ru: 'Запрос нельзя завершить: нет файлов в форматах {formats}',
    en: 'The request cannot be finished: no files yet in {formats}',
  },
  'records.request.paper_not_handed': {
    ru: 'Запрос нельзя завершить: бумажная копия ещё не выдана',
    en: 'The request cannot be finished: the paper copy has not been handed over',
  },
  'records.request.materials_unreadable': {
    ru: 'Не удалось прочитать, какие разделы карты запрошены: файл не сделан',
    en: 'Which sections were asked for cannot be read: no file was made',
  },
  // The cabinet's side and the server's judgement of desks' steps (H3).
  'records.request.purpose': {
    ru: 'Укажите цель запроса: от {min} до {max} символов',
    en: 'Say what the records are for: {min} to {max} characters',
  },
  'records.request.format': {
    ru: 'Неизвестный формат: выберите PDF, СЭМД (XML), FHIR (HL7) или бумажную копию',
    en: 'Unknown format: choose PDF, SEMD (XML), FHIR (HL7) or a paper copy',
  },
  'records.request.format_none': { ru: 'Выберите хотя бы один формат', en: 'Choose at least one format' },
  'records.request.period': {
    ru: 'Начало периода позже его конца',
    en: 'The period starts after it ends',
  },
  'records.request.person': {
    ru: 'Вы не можете запрашивать документы этого человека',
    en: 'You may not request this person’s records',
  },
  'records.request.scope': {
    ru: 'Доверенность не даёт права запрашивать эти разделы карты',
    en: 'Your authority does not cover these sections of the record',
  },
  'records.request.channel': {
    ru: 'Этот способ связи не подтверждён: код отправить некуда',
    en: 'This contact is not confirmed: the code cannot be sent there',
  },
  'records.file.not_found': { ru: 'Файл не найден', en: 'No such file' },
  'records.download.expired': {
    ru: 'Срок скачивания истёк {until}: запросите документы снова',
    en: 'The download period ended on {until}: request the records again',
  },
  'records.request.not_creatable': {
    ru: 'Запрос создаёт пациент в личном кабинете',
    en: 'A request is made by the patient in the cabinet',
  },
  'records.request.field_fixed': {
    ru: 'Это поле запроса не меняется при исполнении',
    en: 'This field of the request does not change while it is fulfilled',
  },
  'records.request.transition': {
    ru: 'Такой переход статуса запроса невозможен',
    en: 'The request cannot move to this status',
  },
  'records.request.actor_mismatch': {
    ru: 'Шаг исполнения записан от имени другого сотрудника',
    en: 'The step is recorded in someone else’s name',
  },
  'records.request.instant': {
    ru: 'Время шага исполнения указано неверно',
    en: 'The time of the step is not a valid instant',
  },
  'records.request.paper_receiver': {
    ru: 'Укажите, кто получил бумажную копию',
    en: 'Say who received the paper copy',
  },
  'records.request.files_incomplete': {
    ru: 'Запрос нельзя завершить: на сервере есть не все запрошенные файлы',
    en: 'The request cannot be finished: the server does not have every asked file',
  },
  'records.file.fixed': { ru: 'Файл запроса не меняется', en: 'A request’s file never changes' },
  'records.file.request_unknown': {
    ru: 'Запрос, к которому относится файл, не найден',
    en: 'The request this file belongs to was not found',
  },
  'records.file.patient_mismatch': {
    ru: 'Файл относится к другому пациенту, чем запрос',
    en: 'The file belongs to another patient than the request',
  },
  'records.file.blob_missing': {
    ru: 'Содержимое файла ещё не загружено на сервер',
    en: 'The file’s content has not reached the server',
  },
  'records.file.invalid': {
    ru: 'Файл описан неверно (имя, тип или размер)',
    en: 'The file is described wrongly (name, type or size)',
  },
} as const satisfies CodeEntries<'records'>;
