import type { chartAccessRu } from './chart-access.ru';
import type { Texts } from './texts';

/** English texts: restricted records and break-the-glass (issue 14). */
export const chartAccessEn = {
  chartAccess: {
    title: 'Restrictions and emergency access',
  },
} satisfies Texts<typeof chartAccessRu>;
