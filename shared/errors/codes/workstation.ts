import type { CodeEntries } from '../code-entries';

/** The workstation itself: its browser host, its encrypted store and key, the command line. */
export const workstationCodes = {
  'host.unauthorized': { ru: 'Сеанс рабочего места недействителен', en: 'The workstation session is not valid' },
  'host.origin': { ru: 'Запрос с чужого источника отклонён', en: 'Request from a foreign origin refused' },
  'host.token_spent': {
    ru: 'Ключ запуска из этого адреса уже обменян другой вкладкой или программой и больше не действует. Если это были не вы, остановите рабочее место (Ctrl+C) и запустите заново: npm run start:browser',
    en: 'The launch secret in this address was already traded by another tab or program and is no longer valid. If that was not you, stop the desk (Ctrl+C) and start it again: npm run start:browser',
  },
  'host.port_taken': {
    ru: 'Порт {port} на {address} уже занят другой программой: рабочее место не запущено, чтобы вкладка не открыла чужую страницу. Задайте другой MEDCARD_PORT или уберите его, чтобы выбрать свободный порт',
    en: 'Port {port} on {address} is taken by another program: the desk did not start, so the tab cannot open a foreign page. Set another MEDCARD_PORT, or unset it to pick a free port',
  },
  'host.port_invalid': {
    ru: 'MEDCARD_PORT — целое число от 1 до 65535 (задано: {value})',
    en: 'MEDCARD_PORT is a whole number from 1 to 65535 (given: {value})',
  },
  'host.key.protection_unavailable': {
    ru: 'Нет защищённого хранилища ключей ОС (связка ключей, Keychain, DPAPI): ключ базы данных не будет сохранён без защиты',
    en: "The OS key store (keyring, Keychain, DPAPI) is not available: the database key won't be stored unprotected",
  },
  'host.key.unwrap_failed': {
    ru: 'Сохранённый ключ базы данных не удалось расшифровать; новый ключ не создан, чтобы не потерять доступ к базе',
    en: 'The stored database key could not be decrypted; no new key was made, so the database stays reachable',
  },
  'host.too_large': { ru: 'Слишком большой запрос', en: 'Request too large' },
  'cli.as.required': {
    ru: 'Укажите --as ЛОГИН: сотрудника рабочего места, от чьего имени вносятся данные пациентов (сервер не примет их от учётной записи рабочего места)',
    en: 'Give --as LOGIN: the staff member of this desk in whose name patient data is written (the server refuses it from the desk’s setup account)',
  },
  'cli.as.unknown': {
    ru: 'Сотрудника с логином {login} на этом рабочем месте нет',
    en: 'No staff member with login {login} on this desk',
  },
  'cli.as.inactive': { ru: 'Учётная запись {login} отключена', en: 'The account {login} is deactivated' },
  'cli.as.forbidden': {
    ru: 'У сотрудника {login} (роль {role}) нет права «{permission}», нужного этой команде',
    en: 'Staff member {login} (role {role}) lacks the permission “{permission}” this command needs',
  },
  'store.key.wrong': {
    ru: 'Ключ не подходит к базе данных: файл не открыт и не изменён',
    en: 'The key does not open the database: the file was neither opened nor changed',
  },
  'store.key.missing': {
    ru: 'Нет ключа базы данных: задайте MEDCARD_DB_KEY или файл ключа',
    en: 'No database key: set MEDCARD_DB_KEY or a key file',
  },
  'store.key.format': {
    ru: 'Ключ базы данных — 64 шестнадцатеричные цифры (256 бит)',
    en: 'The database key is 64 hex digits (256 bits)',
  },
  'store.key.file_mode': {
    ru: 'Файл ключа {path} доступен другим пользователям (права {mode}); нужны 0600',
    en: 'Key file {path} is readable by others (mode {mode}); it must be 0600',
  },
  'store.missing': {
    ru: 'База данных {path} не найдена; создайте её командой medcard init',
    en: 'Database {path} not found; create it with medcard init',
  },
  'store.exists': { ru: 'База данных {path} уже существует', en: 'Database {path} already exists' },
  'store.not_database': {
    ru: 'Файл {path} не является базой данных Medcard',
    en: 'File {path} is not a Medcard database',
  },
  'store.busy': { ru: 'База данных занята другим процессом', en: 'The database is busy in another process' },
  'store.record.not_found': {
    ru: 'Запись не найдена (таблица {table})',
    en: 'Record not found (table {table})',
  },
} as const satisfies CodeEntries<'host' | 'store' | 'cli'>;
