import type { Texts } from './texts';
import type { chartSharingRu } from './chart-sharing.ru';

/** English texts of chart-sharing (issue 12). */
export const chartSharingEn = {
  chartSharing: {},
} satisfies Texts<typeof chartSharingRu>;
