import type { incidentsRu } from './incidents.ru';
import type { Texts } from './texts';

/** English texts: the clinic's incident log and the 152-ФЗ leak clocks (issue 15, §6.2). */
export const incidentsEn = {
  incidents: {},
} satisfies Texts<typeof incidentsRu>;
