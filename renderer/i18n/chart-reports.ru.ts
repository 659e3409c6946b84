/** Russian texts of chart-reports (issue 12). */
export const chartReportsRu = {
  chartReports: {},
};
