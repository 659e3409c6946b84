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
} as const satisfies CodeEntries<'records'>;
