/** Russian texts of chart-sharing (issue 12). */
export const chartSharingRu = {
  chartSharing: {},
};
