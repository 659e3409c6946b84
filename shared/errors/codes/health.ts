import type { CodeEntries } from '../code-entries';

/** Errors: the desks' health, its thresholds and alerts (issue 15, G5). */
export const healthCodes = {} as const satisfies CodeEntries<'health'>;
