import type { CodeEntries } from '../code-entries';

/** Errors: the desk's backups, restore and the restore drill (issue 15, G4). */
export const backupCodes = {} as const satisfies CodeEntries<'backup'>;
