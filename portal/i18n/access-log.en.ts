import type { accessLogRu } from './access-log.ru';
import type { Texts } from './texts';

/** English texts: who opened my card (issue 14). */
export const accessLogEn = {
  accessLog: {
    title: 'Who opened my card',
  },
} satisfies Texts<typeof accessLogRu>;
