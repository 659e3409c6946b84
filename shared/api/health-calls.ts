/** Calls: the desks' health, its thresholds and alerts (issue 15, G5). */
export const healthCalls = {} as const;
