import {
  backupSettingsSchema,
  defaultBackupSettings,
  type BackupSettings,
} from '../../../shared/backup/backup-settings';
import type { ReadTx, Tx } from '../../store/open-store';
import { readSetting, writeSetting } from '../../store/settings';

const settingKey = 'backups';

/** The desk's backup settings (a stored value that no longer parses falls back to the defaults). */
export function readBackupSettings(tx: ReadTx): BackupSettings {
  const parsed = backupSettingsSchema.safeParse(readSetting(tx, settingKey));
  return parsed.success ? parsed.data : defaultBackupSettings;
}

export function writeBackupSettings(tx: Tx, settings: BackupSettings): BackupSettings {
  writeSetting(tx, settingKey, settings);
  return settings;
}
