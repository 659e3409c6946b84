/** Restricted records and break-the-glass at the desk (issue 14, F4). Calls are named `chartAccess.*`. */
export const chartAccessCalls = {} as const;
