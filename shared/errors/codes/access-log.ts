import type { CodeEntries } from '../code-entries';

/** Who opened my card (issue 14, F2). */
export const accessLogCodes = {
  'access_log.unavailable': {
    ru: 'Журнал доступа клиники сейчас недоступен: показаны события этого рабочего места',
    en: "The clinic's access log is unavailable now: this desk's events are shown",
  },
} as const satisfies CodeEntries<'access_log'>;
