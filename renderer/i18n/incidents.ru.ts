/** Russian texts: the clinic's incident log and the 152-ФЗ leak clocks (issue 15, §6.2). */
export const incidentsRu = {
  incidents: {},
};
