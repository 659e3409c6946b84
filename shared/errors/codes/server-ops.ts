import type { CodeEntries } from '../code-entries';

/** Errors of the server's operations (issue 15): the local admin channel, server backups, metrics. */
export const serverOpsCodes = {
  'server_ops.admin.foreign_owner': {
    ru: 'Канал администрирования {path} принадлежит другому пользователю (uid {uid}); команды туда не отправляются',
    en: 'The admin channel {path} belongs to another user (uid {uid}); no command is sent there',
  },
  'server_ops.admin.open_mode': {
    ru: 'Канал администрирования {path} доступен не только владельцу (права {mode}; нужны 0700 для папки и 0600 для сокета)',
    en: 'The admin channel {path} is open beyond its owner (mode {mode}; the folder needs 0700 and the socket 0600)',
  },
  'server_ops.admin.not_socket': {
    ru: 'По адресу канала администрирования {path} лежит не сокет',
    en: 'The admin channel path {path} is not a socket',
  },
  'server_ops.admin.request': {
    ru: 'Неверный запрос к каналу администрирования: {detail}',
    en: 'Invalid admin channel request: {detail}',
  },
  'server_ops.admin.answer': {
    ru: 'Сервер ответил по каналу администрирования непонятно или оборвал ответ',
    en: 'The server’s answer on the admin channel was unreadable or cut short',
  },
  'server_ops.admin.not_here': {
    ru: 'Команда {command} выполняется только при остановленном сервере, не через канал администрирования',
    en: 'The command {command} runs only with the server stopped, never through the admin channel',
  },
  'server_ops.backup.exists': {
    ru: 'Файл {path} уже существует; резервная копия не записывается поверх',
    en: 'The file {path} already exists; a backup is never written over it',
  },
  'server_ops.backup.postgres': {
    ru: 'С PostgreSQL резервные копии делает pg_dump или pg_basebackup (docs/operations.md)',
    en: 'With PostgreSQL, back up with pg_dump or pg_basebackup (docs/operations.md)',
  },
  'server_ops.backup.format': {
    ru: 'Файл {path} — не резервная копия сервера Medcard',
    en: 'The file {path} is not a Medcard server backup',
  },
  'server_ops.backup.truncated': {
    ru: 'Резервная копия {path} обрезана: {actual} байт из {expected}',
    en: 'The backup {path} is truncated: {actual} of {expected} bytes',
  },
  'server_ops.backup.tampered': {
    ru: 'Резервная копия {path} изменена или повреждена после записи; восстановление отменено',
    en: 'The backup {path} was altered or damaged after it was written; nothing restored',
  },
  'server_ops.backup.other_key': {
    ru: 'Резервная копия {path} сделана с другим ключом файлов сервера; укажите тот ключ (MEDCARD_SERVER_BLOB_KEY_FILE)',
    en: 'The backup {path} was made under another server blob key; give that key (MEDCARD_SERVER_BLOB_KEY_FILE)',
  },
  'server_ops.restore.running': {
    ru: 'Сервер работает с {path} (pid {pid}); остановите его перед восстановлением',
    en: 'The server is running on {path} (pid {pid}); stop it before restoring',
  },
  'server_ops.restore.unreadable': {
    ru: 'Восстановленная база из {path} не открылась; рабочая папка не тронута',
    en: 'The database restored from {path} did not open; the working folder is untouched',
  },
} as const satisfies CodeEntries<'server_ops'>;
