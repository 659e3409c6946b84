/** Russian texts of chart (issue 12). */
export const chartRu = {
  chart: {},
};
