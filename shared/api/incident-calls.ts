/** Calls: the clinic's incident log and the 152-ФЗ leak clocks (issue 15, §6.2). */
export const incidentCalls = {} as const;
