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
  'host.key.keyring_failed': {
    ru: 'Связка ключей ОС не сохранила ключ базы данных; база не создана',
    en: 'The OS keyring did not keep the database key; nothing was created',
  },
  'host.too_large': { ru: 'Слишком большой запрос', en: 'Request too large' },
  'cli.as.required': {
    ru: 'Укажите --as ЛОГИН: сотрудника рабочего места, от чьего имени вносятся данные пациентов (сервер не примет их от учётной записи рабочего места)',
    en: 'Give --as LOGIN: the staff member of this desk in whose name patient data is written (the server refuses it from the desk’s setup account)',
  },
  'cli.enrol.insecure_server': {
    ru: 'Адрес сервера {url} должен начинаться с https:// (http:// — только для этого же компьютера: localhost, 127.0.0.1, ::1)',
    en: 'The server address {url} must start with https:// (http:// only for this same computer: localhost, 127.0.0.1, ::1)',
  },
  'cli.enrol.code_on_stdin': {
    ru: 'Код регистрации не передают в командной строке: команда спросит его (или прочитает первую строку stdin)',
    en: 'The enrolment code is not given on the command line: the command asks for it (or reads the first line of stdin)',
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
    ru: 'Нет ключа базы данных: он не найден ни в связке ключей ОС, ни в файле под парольной фразой (MEDCARD_DB_KEY — только для тестов)',
    en: 'No database key: neither the OS keyring nor a passphrase-wrapped file holds it (MEDCARD_DB_KEY is for tests only)',
  },
  'store.key.beside_db': {
    ru: 'Файл ключа {path} лежит рядом с базой {db}: кто скопирует папку, получит и ключ. Выполните «medcard key protect --db {db}» (ключ уйдёт в связку ключей ОС или под парольную фразу, файл будет удалён) или перенесите файл на другой носитель и укажите его в MEDCARD_DB_KEY_FILE',
    en: 'Key file {path} lies beside the database {db}: whoever copies the folder gets the key too. Run “medcard key protect --db {db}” (the key goes into the OS keyring or under a passphrase, and the file is deleted), or move the file to another medium and name it in MEDCARD_DB_KEY_FILE',
  },
  'store.key.nothing_to_protect': {
    ru: 'Рядом с базой {db} нет открытого файла ключа: защищать нечего',
    en: 'There is no clear key file beside {db}: nothing to protect',
  },
  'store.key.passphrase_short': {
    ru: 'Парольная фраза ключа базы данных — не короче {min} символов',
    en: 'The database passphrase needs at least {min} characters',
  },
  'store.key.passphrase_mismatch': {
    ru: 'Парольные фразы не совпали; ничего не изменено',
    en: 'The passphrases did not match; nothing was changed',
  },
  'store.key.passphrase_missing': {
    ru: 'Нужна парольная фраза ключа базы данных: введите её в терминале, передайте первой строкой на stdin или в файле MEDCARD_DB_PASSPHRASE_FILE (не в командной строке)',
    en: 'The database passphrase is needed: type it at the terminal, give it as the first line on stdin or in the file MEDCARD_DB_PASSPHRASE_FILE (never on the command line)',
  },
  'store.key.passphrase_wrong': {
    ru: 'Парольная фраза не подходит к ключу базы данных (или файл ключа изменён)',
    en: 'The passphrase does not unlock the database key (or the key file was changed)',
  },
  'store.key.wrapped_malformed': {
    ru: 'Файл защищённого ключа базы данных повреждён',
    en: 'The wrapped database key file is damaged',
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
