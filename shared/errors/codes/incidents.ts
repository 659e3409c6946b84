import type { CodeEntries } from '../code-entries';

/** Errors: the clinic's incident log and the 152-ФЗ leak clocks (issue 15, §6.2). */
export const incidentCodes = {} as const satisfies CodeEntries<'incident'>;
