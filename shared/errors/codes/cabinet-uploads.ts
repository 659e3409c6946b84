import type { CodeEntries } from '../code-entries';

/**
 * The patient cabinet's document uploads (issue 11, item 3): what is refused before the scan's own
 * checks (shared/errors/codes/scans.ts) weigh the file.
 */
export const cabinetUploadCodes = {
  'cabinet.scan.no_card': {
    ru: 'Документы загружаются после того, как учётная запись связана с картой пациента в клинике',
    en: 'Documents can be uploaded once the account is linked to a patient card of the clinic',
  },
  'cabinet.scan.type_mismatch': {
    ru: 'Файл назван {declared}, а по содержимому это {actual}; выберите файл заново',
    en: 'The file is sent as {declared} but its content is {actual}; choose the file again',
  },
  'cabinet.scan.daily_limit': {
    ru: 'За сутки можно загрузить не больше {max} документов; повторите завтра',
    en: 'At most {max} documents can be uploaded a day; try again tomorrow',
  },
  'cabinet.scan.purpose': {
    ru: 'Неизвестное назначение документа: {purpose}',
    en: 'Unknown purpose of the document: {purpose}',
  },
} as const satisfies CodeEntries<'cabinet'>;
