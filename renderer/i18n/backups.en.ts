import type { backupsRu } from './backups.ru';
import type { Texts } from './texts';

/** English texts: the desk's backups, restore and the restore drill (issue 15, G4). */
export const backupsEn = {
  backups: {},
} satisfies Texts<typeof backupsRu>;
