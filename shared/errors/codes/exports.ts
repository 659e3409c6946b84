import type { CodeEntries } from '../code-entries';

/** Exports of a patient's record (issue 14, F3): PDF, FHIR R4, СЭМД. */
export const exportCodes = {
  'exports.patient_not_found': {
    ru: 'Пациент не найден в этой клинике: выгрузка невозможна',
    en: 'No such patient in this clinic: nothing to export',
  },
  'exports.format_unknown': {
    ru: 'Неизвестный формат выгрузки: выберите PDF, FHIR или СЭМД',
    en: 'Unknown export format: choose PDF, FHIR or СЭМД',
  },
  'exports.dates_reversed': {
    ru: 'Начало периода позже его конца',
    en: 'The period starts after it ends',
  },
  'exports.cancelled': {
    ru: 'Выгрузка отменена: файл не создан',
    en: 'The export was cancelled: no file was made',
  },
  'exports.job_not_found': {
    ru: 'Выгрузка не найдена: возможно, она уже забрана или отменена',
    en: 'No such export: it may have been taken or cancelled already',
  },
  'exports.job_not_ready': {
    ru: 'Файл выгрузки ещё не готов',
    en: 'The export file is not ready yet',
  },
  'exports.out_unwritable': {
    ru: 'Не удалось записать файл выгрузки: {reason}',
    en: 'Could not write the export file: {reason}',
  },
  'exports.cli.patient_or_snils': {
    ru: 'Укажите пациента одним способом: --patient ID или --snils СНИЛС',
    en: 'Name the patient one way: --patient ID or --snils SNILS',
  },
  'exports.cli.snils_format': {
    ru: 'СНИЛС — 11 цифр (можно в виде 123-456-789 01)',
    en: 'A SNILS is 11 digits (123-456-789 01 is fine)',
  },
  'exports.cli.out_required': {
    ru: 'Укажите файл для выгрузки: --out ФАЙЛ',
    en: 'Name the file to write: --out FILE',
  },
} as const satisfies CodeEntries<'exports'>;
