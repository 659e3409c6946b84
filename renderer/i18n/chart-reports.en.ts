import type { Texts } from './texts';
import type { chartReportsRu } from './chart-reports.ru';

/** English texts of chart-reports (issue 12). */
export const chartReportsEn = {
  chartReports: {},
} satisfies Texts<typeof chartReportsRu>;
