import type { CodeEntries } from '../code-entries';

/** Clinics on one server (issue 10): each sees only its own devices, staff, patients and files. */
export const clinicCodes = {
  'clinic.unknown': { ru: 'Клиника {id} не найдена', en: 'Clinic {id} not found' },
  'clinic.row_foreign': {
    ru: 'Запись с этим идентификатором принадлежит другой клинике; она не изменена',
    en: 'A record with this id belongs to another clinic; it was not changed',
  },
} as const satisfies CodeEntries<'clinic'>;
