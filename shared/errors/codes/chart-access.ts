import type { CodeEntries } from '../code-entries';

/** Restricted records and break-the-glass (issue 14, F4). */
export const chartAccessCodes = {
  'chart.restriction.not_found': { ru: 'Ограничение не найдено', en: 'No such restriction' },
  'chart.emergency.not_found': { ru: 'Экстренный доступ не найден', en: 'No such emergency access' },
} as const satisfies CodeEntries<'chart'>;
