import type { Handlers } from './handler-types';

/** Handlers: the desk's backups, restore and the restore drill (issue 15, G4). */
export const backupHandlers: Handlers<'backups'> = {};
