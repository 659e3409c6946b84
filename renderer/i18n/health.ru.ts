/** Russian texts: the desks' health, its thresholds and alerts (issue 15, G5). */
export const healthRu = {
  health: {},
};
