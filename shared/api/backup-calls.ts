/** Calls: the desk's backups, restore and the restore drill (issue 15, G4). */
export const backupCalls = {} as const;
