/**
 * Every error the product can show, by stable code. A code never changes meaning; the texts may.
 * `{name}` placeholders are filled from the error's params.
 */
export interface LocalizedText {
  ru: string;
  en: string;
}

export const errorCatalog = {
  // Generic input rules (schema level)
  'input.required': { ru: 'Поле обязательно для заполнения', en: 'This field is required' },
  'input.type': { ru: 'Неверный тип значения', en: 'The value has the wrong type' },
  'input.too_long': { ru: 'Не длиннее {max} символов', en: 'At most {max} characters' },
  'input.too_short': { ru: 'Не короче {min} символов', en: 'At least {min} characters' },
  'input.too_big': { ru: 'Не больше {max}', en: 'At most {max}' },
  'input.too_small': { ru: 'Не меньше {min}', en: 'At least {min}' },
  'input.format': { ru: 'Неверный формат', en: 'Invalid format' },
  'input.enum': { ru: 'Недопустимое значение', en: 'Value not allowed' },
  'input.unknown_field': { ru: 'Лишнее поле: {keys}', en: 'Unknown field: {keys}' },
  'input.invalid': { ru: 'Данные не прошли проверку', en: 'The data did not pass validation' },
  'input.control_chars': { ru: 'Недопустимые управляющие символы', en: 'Control characters are not allowed' },

  // API and access
  'api.unknown_call': { ru: 'Неизвестная операция «{name}»', en: 'Unknown operation “{name}”' },
  'api.bad_request': { ru: 'Некорректный запрос', en: 'Malformed request' },
  'api.internal': {
    ru: 'Внутренняя ошибка. Сообщите в поддержку код ошибки',
    en: 'Internal error. Report the error code to support',
  },
  forbidden: { ru: 'Недостаточно прав для этой операции', en: 'You are not allowed to do this' },
  'host.unauthorized': { ru: 'Сеанс рабочего места недействителен', en: 'The workstation session is not valid' },
  'host.origin': { ru: 'Запрос с чужого источника отклонён', en: 'Request from a foreign origin refused' },
  'host.too_large': { ru: 'Слишком большой запрос', en: 'Request too large' },

  // Patients
  'patient.not_found': { ru: 'Пациент не найден', en: 'Patient not found' },
  'patient.name.alphabet': {
    ru: 'Только кириллица, дефис, апостроф и пробел',
    en: 'Cyrillic letters, hyphen, apostrophe and space only',
  },
  'patient.name.latin_alphabet': {
    ru: 'Только латиница или кириллица, дефис, апостроф и пробел',
    en: 'Latin or Cyrillic letters, hyphen, apostrophe and space only',
  },
  'patient.name.shape': {
    ru: 'Дефис, апостроф или пробел не могут стоять в начале, в конце или подряд',
    en: 'A hyphen, apostrophe or space cannot start, end or repeat',
  },
  'patient.birth_date.format': { ru: 'Дата в формате ДД.ММ.ГГГГ', en: 'Date as DD.MM.YYYY' },
  'patient.birth_date.invalid': { ru: 'Такой даты нет в календаре', en: 'No such calendar date' },
  'patient.birth_date.future': { ru: 'Дата рождения в будущем', en: 'Birth date is in the future' },
  'patient.birth_date.too_old': { ru: 'Дата рождения раньше 1900 года', en: 'Birth date before 1900' },
  'patient.snils.format': { ru: 'СНИЛС — 11 цифр', en: 'SNILS is 11 digits' },
  'patient.snils.checksum': { ru: 'Контрольное число СНИЛС не сходится', en: 'SNILS check digits do not match' },
  'patient.snils.zero': { ru: 'СНИЛС не может состоять из нулей', en: 'SNILS cannot be all zeros' },
  'patient.snils.duplicate': {
    ru: 'Пациент с таким СНИЛС уже есть в картотеке',
    en: 'A patient with this SNILS is already registered',
  },
  'patient.enp.format': { ru: 'Номер полиса ОМС (ЕНП) — 16 цифр', en: 'The OMS policy number (ENP) is 16 digits' },
  'patient.enp.checksum': { ru: 'Контрольная цифра ЕНП не сходится', en: 'ENP check digit does not match' },
  'patient.enp.duplicate': {
    ru: 'Пациент с таким полисом ОМС уже есть в картотеке',
    en: 'A patient with this OMS policy is already registered',
  },
  'patient.inn.format': { ru: 'ИНН физического лица — 12 цифр', en: "A person's INN is 12 digits" },
  'patient.inn.checksum': { ru: 'Контрольные цифры ИНН не сходятся', en: 'INN check digits do not match' },
  'patient.inn.duplicate': {
    ru: 'Пациент с таким ИНН уже есть в картотеке',
    en: 'A patient with this INN is already registered',
  },
  'patient.phone.format': {
    ru: 'Российский номер: +7 и 10 цифр',
    en: 'A Russian number: +7 and 10 digits',
  },
  'patient.phone.code': {
    ru: 'Код {prefix} не используется в российской нумерации',
    en: 'Code {prefix} is not used in Russian numbering',
  },
  'patient.email.format': { ru: 'Адрес электронной почты указан неверно', en: 'The e-mail address is not valid' },

  // Store and workstation
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
} as const satisfies Record<string, LocalizedText>;

export type ErrorCode = keyof typeof errorCatalog;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCatalog, value);
}

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function localize(code: ErrorCode, params: Record<string, string | number> = {}): LocalizedText {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
  const entry = errorCatalog[code];
  return { ru: fill(entry.ru), en: fill(entry.en) };
}
