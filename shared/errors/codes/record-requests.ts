import type { CodeEntries } from '../code-entries';

/** Patients' requests for their records (issue 14, F3, seed §5.3). */
export const recordRequestCodes = {
  'records.request.not_found': { ru: 'Запрос не найден', en: 'No such request' },
} as const satisfies CodeEntries<'records'>;
