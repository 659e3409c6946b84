import type { CodeEntries } from '../code-entries';

/** Exports of a patient's record (issue 14, F3): PDF, FHIR R4, СЭМД. */
export const exportCodes = {
  'exports.patient_not_found': {
    ru: 'Пациент не найден в этой клинике: выгрузка невозможна',
    en: 'No such patient in this clinic: nothing to export',
  },
} as const satisfies CodeEntries<'exports'>;
