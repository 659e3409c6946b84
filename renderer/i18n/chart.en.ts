import type { Texts } from './texts';
import type { chartRu } from './chart.ru';

/** English texts of chart (issue 12). */
export const chartEn = {
  chart: {},
} satisfies Texts<typeof chartRu>;
