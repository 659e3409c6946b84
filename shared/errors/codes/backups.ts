import type { CodeEntries } from '../code-entries';

/** Errors: the desk's backups, restore and the restore drill (issue 15, G4). */
export const backupCodes = {
  'backup.file_missing': { ru: 'Файл резервной копии {path} не найден', en: 'Backup file {path} not found' },
  'backup.not_backup': {
    ru: 'Файл {path} — не резервная копия рабочего места',
    en: 'The file {path} is not a desk backup',
  },
  'backup.truncated': {
    ru: 'Резервная копия {path} обрезана (файл неполный); ничего не изменено',
    en: 'The backup {path} is truncated (the file is incomplete); nothing was changed',
  },
  'backup.tampered': {
    ru: 'Резервная копия {path} повреждена или изменена; ничего не изменено',
    en: 'The backup {path} is damaged or was changed; nothing was changed',
  },
  'backup.other_desk': {
    ru: 'Резервная копия {path} сделана на другом рабочем месте ({deskId}); ничего не изменено',
    en: 'The backup {path} was made on another desk ({deskId}); nothing was changed',
  },
  'backup.wrong_key': {
    ru: 'Резервная копия {path} зашифрована другим ключом; ничего не изменено',
    en: 'The backup {path} is encrypted under another key; nothing was changed',
  },
  'backup.source_changed': {
    ru: 'Файл {part} изменился во время резервного копирования; повторите',
    en: 'The file {part} changed while the backup was made; try again',
  },
  'backup.verify_failed': {
    ru: 'Резервная копия не прошла проверку и не сохранена',
    en: 'The backup failed its verification and was not kept',
  },
  'backup.disk_full': {
    ru: 'Не хватило места на диске для резервной копии в {dir}; рабочая база не изменена',
    en: 'The disk is full: the backup in {dir} was not written; the working database is unchanged',
  },
  'backup.no_desk': {
    ru: 'В базе нет записи этого рабочего места',
    en: 'The database has no record of this desk',
  },
  'backup.none': {
    ru: 'Резервных копий в {dir} нет',
    en: 'There are no backups in {dir}',
  },
  'backup.db_in_use': {
    ru: 'База данных {path} открыта другой программой (рабочее место запущено?); закройте её и повторите',
    en: 'The database {path} is open in another process (is the desk running?); close it and try again',
  },
  'backup.restore_failed': {
    ru: 'Восстановленная копия не прошла проверку; текущая база не тронута',
    en: 'The restored copy failed its verification; the current database is untouched',
  },
  'backup.running': {
    ru: 'Резервное копирование уже идёт',
    en: 'A backup is already running',
  },
  'backup.job_not_found': { ru: 'Задача не найдена', en: 'Job not found' },
  'backup.settings.time': {
    ru: 'Время — в виде ЧЧ:ММ, от 00:00 до 23:59',
    en: 'The time is HH:MM, from 00:00 to 23:59',
  },
  'backup.settings.keep': {
    ru: 'Целое число от {min} до {max}',
    en: 'A whole number from {min} to {max}',
  },
  'store.integrity_failed': {
    ru: 'База данных {path} не прошла проверку целостности и не открыта для записи. Последняя проверенная копия: {backup}. Восстановить: {command}',
    en: 'The database {path} failed its integrity check and was not opened for writing. Newest verified backup: {backup}. To restore it: {command}',
  },
} as const satisfies CodeEntries<'backup' | 'store'>;
