import type { Handlers } from './handler-types';

/** Handlers: the clinic's incident log and the 152-ФЗ leak clocks (issue 15, §6.2). */
export const incidentHandlers: Handlers<'incidents'> = {};
