import type { CodeEntries } from '../code-entries';

/** Reports (C6): the period a report covers. */
export const reportCodes = {
  'report.period.date': { ru: 'Дата в формате ДД.ММ.ГГГГ', en: 'Date as DD.MM.YYYY' },
  'report.period.order': {
    ru: 'Начало периода позже его конца',
    en: 'The period starts after it ends',
  },
  'report.period.too_long': {
    ru: 'Период длиннее {max} дней: выберите период короче',
    en: 'The period is longer than {max} days: choose a shorter one',
  },
} as const satisfies CodeEntries<'report'>;
