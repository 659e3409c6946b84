import type { backupsRu } from './backups.ru';
import type { Texts } from './texts';

/** English texts: the desk's backups, restore and the restore drill (issue 15, G4). */
export const backupsEn = {
  backups: {
    title: 'Backups',
    run: 'Back up now',
    drill: 'Test a restore',
    log: 'Backups and restore drills',
    phase: {
      snapshot: 'Taking a snapshot of the database…',
      write: 'Writing the backup file…',
      verify: 'Verifying the backup…',
      unpack: 'Verifying the backup: unpacking…',
      rotate: 'Removing old backups…',
    },
    done: 'Backup made and verified: {{file}}',
    failed: 'Failed: {{code}}',
    drillOk:
      'Restore tested: {{file}} — {{patients}} patients, {{chartEntries}} chart entries, {{scans}} scans, {{auditEvents}} audit events, audit chain intact',
    drillFailed: 'The restore drill failed: {{file}} ({{failure}})',
    kind: { backup: 'Backup', drill: 'Restore drill' },
    verdictOk: 'verified',
    verdictFailed: 'FAILED',
  },
} satisfies Texts<typeof backupsRu>;
