import type { CodeEntries } from '../code-entries';

/**
 * Reference dictionaries (НСИ): import, lookup, and releases distributed by sync
 * (electron/services/dictionaries/README.md).
 */
export const dictionaryCodes = {
  'dictionary.unknown': {
    ru: 'Неизвестный справочник «{name}»; поддерживаются: {supported}',
    en: 'Unknown dictionary “{name}”; supported: {supported}',
  },
  'dictionary.not_found': { ru: 'Справочник «{name}» не загружен', en: 'Dictionary “{name}” has not been imported' },
  'dictionary.version.format': {
    ru: 'Версия справочника «{version}» — числа через точку или дефис (2.27, 2026-11-01)',
    en: 'Dictionary version “{version}” must be numbers separated by dots or hyphens (2.27, 2026-11-01)',
  },
  'dictionary.version.missing': {
    ru: 'Укажите версию справочника (--version): её нет ни в имени, ни в содержимом файла',
    en: 'Give the dictionary version (--version): neither the file name nor its content has it',
  },
  'dictionary.version.older': {
    ru: 'Версия {version} справочника «{name}» старше действующей {active} и не заменит её',
    en: 'Version {version} of “{name}” is older than the active {active} and cannot replace it',
  },
  'dictionary.version.conflict': {
    ru: 'Версия {version} справочника «{name}» уже загружена из другого файла: новой версии нужен новый номер',
    en: 'Version {version} of “{name}” was already imported from a different file: a new version needs a new number',
  },
  'dictionary.file.too_large': {
    ru: 'Файл справочника — {size} байт, допустимо не больше {max}',
    en: 'The dictionary file is {size} bytes; at most {max} are allowed',
  },
  'dictionary.file.encoding': { ru: 'Файл справочника не в кодировке UTF-8', en: 'The dictionary file is not UTF-8' },
  'dictionary.file.header': {
    ru: 'Первая строка файла должна быть заголовком {expected}',
    en: 'The first line of the file must be the header {expected}',
  },
  'dictionary.file.one': {
    ru: 'Справочник {name} загружается из одного файла, а указано {count}',
    en: 'Dictionary {name} is imported from one file, {count} were given',
  },
  'dictionary.file.no_rows': {
    ru: 'В файле нет ни одной принятой строки: справочник не загружен',
    en: 'The file has no acceptable row: the dictionary was not imported',
  },
  'dictionary.row.columns': {
    ru: 'В строке {actual} полей вместо {expected}',
    en: 'The row has {actual} fields instead of {expected}',
  },
  'dictionary.row.quote': { ru: 'В строке не закрыта кавычка', en: 'The row has an unclosed quote' },
  'dictionary.row.value': { ru: 'Недопустимое значение в поле {column}', en: 'Invalid value in column {column}' },
  'dictionary.row.duplicate': {
    ru: 'Код {code} уже встречался в файле',
    en: 'Code {code} already appeared in the file',
  },
  'dictionary.row.parent': {
    ru: 'Родительской записи {parent} нет в файле',
    en: 'Parent record {parent} is not in the file',
  },
  'dictionary.row.ogrn': { ru: 'Контрольная цифра ОГРН не сходится', en: 'The OGRN check digit does not match' },
  'dictionary.row.period': {
    ru: 'Дата окончания действия раньше даты начала',
    en: 'The end of validity is before its start',
  },
  'dictionary.row.superseded': {
    ru: 'Код {code} в файле занят действующей записью: устаревшая запись с этим кодом пропущена',
    en: 'Code {code} belongs to a current record of the file: the retired record with this code is skipped',
  },
  'dictionary.row.shape': {
    ru: 'Строка — не список полей вида {column, value}',
    en: 'The row is not a list of {column, value} fields',
  },
  'dictionary.row.inn_or_atc': {
    ru: 'Укажите либо МНН (INN), либо код АТХ (ATC) — ровно одно из двух',
    en: 'Give either the INN or the ATC code — exactly one of the two',
  },
  'dictionary.row.daily_below_single': {
    ru: 'Максимальная суточная доза {daily} меньше максимальной разовой {single}',
    en: 'The maximum daily dose {daily} is below the maximum single dose {single}',
  },
  'dictionary.row.age_band': {
    ru: 'Возраст «до» ({to}) должен быть больше возраста «от» ({from})',
    en: 'The age “to” ({to}) must be above the age “from” ({from})',
  },
  'dictionary.nsi.passport_missing': {
    ru: 'Нет паспорта справочника {oid} (файл …_passport.json)',
    en: 'The passport of dictionary {oid} is missing (a …_passport.json file)',
  },
  'dictionary.nsi.passport_many': {
    ru: 'Паспортов справочника несколько ({files}): укажите файлы одной версии',
    en: 'There are several passports ({files}): give the files of one version',
  },
  'dictionary.nsi.no_parts': {
    ru: 'Нет ни одной части справочника (файлы …_partN.json)',
    en: 'No part of the dictionary was given (…_partN.json files)',
  },
  'dictionary.nsi.oid': {
    ru: 'Паспорт описывает справочник {actual}, а не {expected}: файлы не того справочника',
    en: 'The passport describes dictionary {actual}, not {expected}: these are files of another dictionary',
  },
  'dictionary.nsi.rows_count': {
    ru: 'По паспорту в справочнике {expected} строк, в частях — {actual}: выгрузка неполная',
    en: 'The passport states {expected} rows, the parts hold {actual}: the export is incomplete',
  },
  'dictionary.nsi.column': {
    ru: 'В справочнике нет поля {column}',
    en: 'The dictionary has no column {column}',
  },
  'dictionary.nsi.empty': { ru: 'Файл {file} пуст', en: 'File {file} is empty' },
  'dictionary.nsi.json': {
    ru: 'Файл {file} — не JSON',
    en: 'File {file} is not JSON',
  },
  'dictionary.nsi.shape': {
    ru: 'Файл {file} — не выгрузка ФНСИ (паспорт или часть справочника)',
    en: 'File {file} is not an FNSI export (a dictionary passport or part)',
  },
  'dictionary.release.hash_mismatch': {
    ru: 'Файл справочника {name} пришёл с сервера с другим содержимым (SHA-256 не совпадает): не загружен',
    en: 'The file of dictionary {name} arrived from the server with other content (SHA-256 differs): not imported',
  },
  'dictionary.release.size': {
    ru: 'Файл справочника {name} на сервере {actual} байт вместо {expected}: не загружен',
    en: 'The file of dictionary {name} on the server is {actual} bytes instead of {expected}: not imported',
  },
} as const satisfies CodeEntries<'dictionary'>;
