import type { Handlers } from './handler-types';
import { listBackupFiles } from '../services/backup/backup-files';
import { readBackupSettings, writeBackupSettings } from '../services/backup/backup-settings-store';
import { backupLog } from '../services/backup/backup-state';
import { backupDirOf, backupJob, runBackup, runDrill } from '../services/backup/desk-backups';

/** Handlers: the desk's backups, restore and the restore drill (issue 15, G4). */
export const backupHandlers: Handlers<'backups'> = {
  'backups.list': (ctx) => {
    const dir = backupDirOf(ctx.store);
    return {
      dir,
      files: listBackupFiles(dir).map((file) => ({
        name: file.name,
        createdAt: file.createdAt.toISOString(),
        size: file.size,
      })),
      log: ctx.store.read((tx) => backupLog(tx, 50)).map(({ report: _report, ...row }) => row),
    };
  },
  'backups.run': (ctx) => runBackup(ctx.store),
  'backups.job': (ctx, input) => backupJob(ctx.store, input.jobId),
  'backups.drill': (ctx) => runDrill(ctx.store),
  'backups.settings.get': (ctx) => ctx.store.read((tx) => readBackupSettings(tx)),
  'backups.settings.set': (ctx, input) => ctx.store.transaction((tx) => writeBackupSettings(tx, input)),
};
