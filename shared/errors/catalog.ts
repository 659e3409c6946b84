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
  'host.key.protection_unavailable': {
    ru: 'Нет защищённого хранилища ключей ОС (связка ключей, Keychain, DPAPI): ключ базы данных не будет сохранён без защиты',
    en: "The OS key store (keyring, Keychain, DPAPI) is not available: the database key won't be stored unprotected",
  },
  'host.key.unwrap_failed': {
    ru: 'Сохранённый ключ базы данных не удалось расшифровать; новый ключ не создан, чтобы не потерять доступ к базе',
    en: 'The stored database key could not be decrypted; no new key was made, so the database stays reachable',
  },
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
    ru: 'Пациент с таким СНИЛС уже есть в картотеке: {patient}',
    en: 'A patient with this SNILS is already registered: {patient}',
  },
  'patient.enp.format': { ru: 'Номер полиса ОМС (ЕНП) — 16 цифр', en: 'The OMS policy number (ENP) is 16 digits' },
  'patient.enp.checksum': { ru: 'Контрольная цифра ЕНП не сходится', en: 'ENP check digit does not match' },
  'patient.enp.duplicate': {
    ru: 'Пациент с таким полисом ОМС уже есть в картотеке: {patient}',
    en: 'A patient with this OMS policy is already registered: {patient}',
  },
  'patient.inn.format': { ru: 'ИНН физического лица — 12 цифр', en: "A person's INN is 12 digits" },
  'patient.inn.checksum': { ru: 'Контрольные цифры ИНН не сходятся', en: 'INN check digits do not match' },
  'patient.inn.duplicate': {
    ru: 'Пациент с таким ИНН уже есть в картотеке: {patient}',
    en: 'A patient with this INN is already registered: {patient}',
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
  'patient.email.too_long': { ru: 'Адрес электронной почты длиннее {max} символов', en: 'The e-mail address is longer than {max} characters' },
  'patient.email.local_part': {
    ru: 'Часть адреса до @ — до 64 латинских букв, цифр и знаков . _ + - без точек в начале, в конце и подряд',
    en: 'The part before @ is up to 64 Latin letters, digits and . _ + - with no dot at the start, at the end or twice in a row',
  },
  'patient.email.domain': {
    ru: 'Домен адреса после @ указан неверно (например, mail.ru или почта.рф)',
    en: 'The domain after @ is not valid (e.g. mail.ru or почта.рф)',
  },
  'patient.address.invisible': {
    ru: 'В адресе есть невидимые символы (например, смена направления текста): наберите адрес заново',
    en: 'The address holds invisible characters (such as a text-direction override): type it again',
  },
  'patient.address.characters': {
    ru: 'Символ «{symbol}» не используется в адресах: только буквы, цифры, пробел и знаки . , ; : - / № ( ) « »',
    en: 'The character “{symbol}” is not used in addresses: letters, digits, space and . , ; : - / № ( ) « » only',
  },
  'patient.address.no_letters': { ru: 'В адресе нет ни одной буквы', en: 'The address has no letters' },
  'patient.merge.same': { ru: 'Карту нельзя объединить саму с собой', en: 'A card cannot be merged into itself' },
  'patient.merge.merged': {
    ru: 'Карта {patient} уже объединена с другой: объединяйте с действующей картой',
    en: 'Card {patient} has already been merged into another: merge with a current card',
  },
  'patient.merge.identifiers': {
    ru: 'У карт разные {fieldsRu}: проверьте документы, это могут быть разные люди',
    en: 'The cards have different {fieldsEn}: check the documents, these may be different people',
  },
  'patient.merge.identifier': {
    ru: 'В объединяемых картах разные значения',
    en: 'The two cards hold different values',
  },
  'patient_import.file.too_large': {
    ru: 'Файл больше {max} байт: разделите его на части',
    en: 'The file is larger than {max} bytes: split it into parts',
  },
  'patient_import.file.encoding': {
    ru: 'Файл не в кодировке UTF-8: сохраните его как «CSV UTF-8»',
    en: 'The file is not UTF-8: save it as “CSV UTF-8”',
  },
  'patient_import.file.separator': {
    ru: 'Поля разделены не точкой с запятой (найден «{separator}»): нужен разделитель «;»',
    en: 'Fields are not separated by semicolons (found “{separator}”): the separator must be “;”',
  },
  'patient_import.file.header': {
    ru: 'В первой строке нет столбцов {missing}; нужны: {expected}',
    en: 'The first line lacks the columns {missing}; expected: {expected}',
  },
  'patient_import.file.line_too_long': {
    ru: 'Строка {line} длиннее {max} символов: это не строка списка пациентов',
    en: 'Line {line} is longer than {max} characters: not a row of a patient list',
  },
  'patient_import.file.no_rows': { ru: 'В файле нет строк с пациентами', en: 'The file has no patient rows' },
  'patient_import.row.columns': { ru: 'В строке {actual} полей вместо {expected}', en: 'The row has {actual} fields instead of {expected}' },
  'patient_import.row.quote': { ru: 'В строке не закрыта кавычка', en: 'The row has an unclosed quote' },
  'patient_import.row.repeated': {
    ru: 'Строка повторяет строку {line} этого файла',
    en: 'The row repeats line {line} of this file',
  },

  // Identity documents (B3): each field names its rule; dates are shown as ДД.ММ.ГГГГ.
  'document.date.format': { ru: 'Дата в формате ДД.ММ.ГГГГ', en: 'Date as DD.MM.YYYY' },
  'document.date.invalid': { ru: 'Такой даты нет в календаре', en: 'No such calendar date' },
  'document.issue_date.future': { ru: 'Дата выдачи документа в будущем', en: 'The issue date is in the future' },
  'document.issue_date.before_birth': {
    ru: 'Документ выдан раньше даты рождения {birthDate}',
    en: 'The document was issued before the birth date {birthDate}',
  },
  'document.expiry.before_issue': {
    ru: 'Срок действия кончается раньше даты выдачи',
    en: 'The document expires before it was issued',
  },
  'document.expired': {
    ru: 'Срок действия документа истёк {expiry}: документ не принимается',
    en: 'The document expired on {expiry} and cannot be accepted',
  },
  'document.damaged': {
    ru: 'Повреждённый документ не принимается: попросите другой документ',
    en: 'A damaged document cannot be accepted: ask for another document',
  },
  'document.passport.series': { ru: 'Серия паспорта — 4 цифры', en: 'The passport series is 4 digits' },
  'document.passport.number': { ru: 'Номер паспорта — 6 цифр', en: 'The passport number is 6 digits' },
  'document.passport.issuer_code': {
    ru: 'Код подразделения — 6 цифр в виде 000-000',
    en: 'The issuing office code is 6 digits as 000-000',
  },
  'document.passport.issued_too_young': {
    ru: 'Паспорт выдают с 14 лет: дата выдачи не раньше {minDate}',
    en: 'A passport is issued from the age of 14: the issue date cannot be before {minDate}',
  },
  'document.driving_licence.number': {
    ru: 'Номер водительского удостоверения — 10 цифр в виде 00 00 000000',
    en: 'The driving licence number is 10 digits as 00 00 000000',
  },
  'document.oms.temporary_number': {
    ru: 'Номер временного свидетельства — 9 цифр',
    en: 'The temporary certificate number is 9 digits',
  },
  'document.oms.old_series': {
    ru: 'Серия полиса старого образца — до 10 букв и цифр',
    en: 'The series of an old-style policy is up to 10 letters and digits',
  },
  'document.oms.old_number': { ru: 'Номер полиса старого образца — до 16 цифр', en: 'The number of an old-style policy is up to 16 digits' },
  'document.oms.insurer': {
    ru: 'Код страховой медицинской организации — 5 цифр из реестра СМО',
    en: 'The insurer code is the 5 digits of the insurers’ registry',
  },
  'document.other.number': {
    ru: 'Номер документа — до 30 букв, цифр, пробелов и дефисов',
    en: 'The document number is up to 30 letters, digits, spaces and hyphens',
  },
  'document.other.photo': {
    ru: 'Документ принимается, только если в нём есть фотография владельца',
    en: 'The document is accepted only if it carries the holder’s photo',
  },
  'document.other.signature': {
    ru: 'Документ принимается, только если в нём есть подпись владельца',
    en: 'The document is accepted only if it carries the holder’s signature',
  },
  'document.not_found': { ru: 'Документ не найден', en: 'Document not found' },
  'document.number_taken': {
    ru: 'Документ с этим номером уже записан у другого пациента: {patient}. Проверьте документ или откройте ту карту',
    en: 'A document with this number is already recorded for another patient: {patient}. Check the document or open that card',
  },
  'document.active_exists': {
    ru: 'У пациента уже есть действующий документ этого вида: замените его, а не добавляйте второй',
    en: 'The patient already has a current document of this kind: replace it rather than add a second one',
  },
  'document.superseded': { ru: 'Документ уже заменён другим', en: 'The document has already been replaced' },
  'document.replace.type': {
    ru: 'Новый документ должен быть того же вида, что и заменяемый',
    en: 'The new document must be of the same kind as the one it replaces',
  },
  'document.replace.changed_on': {
    ru: 'Дата смены документа не может быть в будущем',
    en: 'The date the document changed cannot be in the future',
  },
  'document.oms.insurer_unknown': {
    ru: 'СМО с кодом {code} нет среди действующих в справочнике страховых организаций',
    en: 'No current insurer with code {code} in the insurers dictionary',
  },
  'document.oms.not_policy': { ru: 'Это не полис ОМС', en: 'This is not an OMS policy' },
  'document.oms.reason_required': {
    ru: 'Укажите причину отказа в подтверждении полиса',
    en: 'Give the reason the policy is rejected',
  },
  'document.oms.reason_unexpected': {
    ru: 'Причина указывается только при отказе',
    en: 'A reason is given only when the policy is rejected',
  },
  'document.oms.check_failed.wrong_number': {
    ru: 'Полис нельзя подтвердить: номер полиса неверен',
    en: 'The policy cannot be confirmed: the policy number is wrong',
  },
  'document.oms.check_failed.expired': {
    ru: 'Полис нельзя подтвердить: срок его действия истёк',
    en: 'The policy cannot be confirmed: it has expired',
  },
  'document.oms.check_failed.insurer_unknown': {
    ru: 'Полис нельзя подтвердить: СМО нет среди действующих в справочнике',
    en: 'The policy cannot be confirmed: the insurer is not a current one in the dictionary',
  },
  'document.oms.check_failed.insurer_refused': {
    ru: 'Полис нельзя подтвердить: СМО его не подтверждает',
    en: 'The policy cannot be confirmed: the insurer does not confirm it',
  },
  'document.compare.unresolved': {
    ru: 'Расхождение не разобрано: подтвердите его или исправьте карту по документу',
    en: 'Unresolved mismatch: confirm it or correct the record from the document',
  },

  // Production calendar (C2, B3 deadlines in business days)
  'calendar.year_missing': {
    ru: 'Производственный календарь на {year} год не загружен: срок в рабочих днях посчитать нельзя',
    en: 'The production calendar for {year} has not been imported: a deadline in business days cannot be computed',
  },
  'calendar.date.format': { ru: '«{value}» — не дата ГГГГ-ММ-ДД', en: '“{value}” is not a YYYY-MM-DD date' },
  'calendar.xml.syntax': { ru: 'Файл календаря, строка {line}: нарушена разметка XML', en: 'Calendar file, line {line}: malformed XML' },
  'calendar.xml.element': { ru: 'Файл календаря, строка {line}: неожиданный элемент <{name}>', en: 'Calendar file, line {line}: unexpected element <{name}>' },
  'calendar.xml.attribute': {
    ru: 'Файл календаря, строка {line}: у элемента <{element}> лишний, повторённый или недостающий атрибут {name}',
    en: 'Calendar file, line {line}: element <{element}> has an unknown, repeated or missing attribute {name}',
  },
  'calendar.xml.value': {
    ru: 'Файл календаря, строка {line}: недопустимое значение {name}="{value}"',
    en: 'Calendar file, line {line}: invalid value {name}="{value}"',
  },
  'calendar.xml.duplicate': { ru: 'Файл календаря, строка {line}: день {day} указан дважды', en: 'Calendar file, line {line}: day {day} is listed twice' },
  'calendar.xml.working_weekday': {
    ru: 'Файл календаря, строка {line}: {day} — будний день, а помечен как рабочий выходной (t=3)',
    en: 'Calendar file, line {line}: {day} is a weekday but marked as a working weekend day (t=3)',
  },
  'calendar.xml.year_mismatch': { ru: 'Файл описывает {year} год, а ожидался {expected}', en: 'The file describes {year}, but {expected} was expected' },

  // Reference dictionaries (НСИ): import and lookup
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
  'dictionary.file.no_rows': {
    ru: 'В файле нет ни одной принятой строки: справочник не загружен',
    en: 'The file has no acceptable row: the dictionary was not imported',
  },
  'dictionary.row.columns': { ru: 'В строке {actual} полей вместо {expected}', en: 'The row has {actual} fields instead of {expected}' },
  'dictionary.row.quote': { ru: 'В строке не закрыта кавычка', en: 'The row has an unclosed quote' },
  'dictionary.row.value': { ru: 'Недопустимое значение в поле {column}', en: 'Invalid value in column {column}' },
  'dictionary.row.duplicate': { ru: 'Код {code} уже встречался в файле', en: 'Code {code} already appeared in the file' },
  'dictionary.row.parent': { ru: 'Родительской записи {parent} нет в файле', en: 'Parent record {parent} is not in the file' },
  'dictionary.row.ogrn': { ru: 'Контрольная цифра ОГРН не сходится', en: 'The OGRN check digit does not match' },
  'dictionary.row.period': {
    ru: 'Дата окончания действия раньше даты начала',
    en: 'The end of validity is before its start',
  },
  // Dictionaries distributed by sync (electron/services/dictionaries/README.md).
  'dictionary.release.hash_mismatch': {
    ru: 'Файл справочника {name} пришёл с сервера с другим содержимым (SHA-256 не совпадает): не загружен',
    en: 'The file of dictionary {name} arrived from the server with other content (SHA-256 differs): not imported',
  },
  'dictionary.release.size': {
    ru: 'Файл справочника {name} на сервере {actual} байт вместо {expected}: не загружен',
    en: 'The file of dictionary {name} on the server is {actual} bytes instead of {expected}: not imported',
  },
  'sync.release_immutable': {
    ru: 'Выпуск справочника не изменяется: новую версию публикуют новым выпуском',
    en: 'A dictionary release does not change: a new version is published as a new release',
  },
  'sync.release_file_missing': {
    ru: 'Файл выпуска справочника ({sha256}) ещё не загружен на сервер',
    en: 'The dictionary release’s file ({sha256}) has not been uploaded to the server yet',
  },
  'cli.as.required': {
    ru: 'Укажите --as ЛОГИН: сотрудника рабочего места, от чьего имени вносятся данные пациентов (сервер не примет их от учётной записи рабочего места)',
    en: 'Give --as LOGIN: the staff member of this desk in whose name patient data is written (the server refuses it from the desk’s setup account)',
  },
  'cli.as.unknown': { ru: 'Сотрудника с логином {login} на этом рабочем месте нет', en: 'No staff member with login {login} on this desk' },
  'cli.as.inactive': { ru: 'Учётная запись {login} отключена', en: 'The account {login} is deactivated' },
  'cli.as.forbidden': {
    ru: 'У сотрудника {login} (роль {role}) нет права «{permission}», нужного этой команде',
    en: 'Staff member {login} (role {role}) lacks the permission “{permission}” this command needs',
  },

  // Sync (workstation side)
  'sync.conflict_not_found': { ru: 'Конфликт не найден', en: 'Conflict not found' },
  'sync.unreachable': {
    ru: 'Сервер синхронизации недоступен; изменения сохраняются локально',
    en: 'The sync server is unreachable; changes are kept locally',
  },
  'sync.worker_failed': { ru: 'Фоновая синхронизация остановилась', en: 'Background sync stopped' },

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

  // Central server and sync (server/)
  'server.not_found': { ru: 'Нет такого адреса на сервере', en: 'No such address on the server' },
  'server.too_large': { ru: 'Запрос больше допустимого ({max} байт)', en: 'The request is larger than allowed ({max} bytes)' },
  'server.rate_limited': {
    ru: 'Слишком много запросов; повторите через {after}',
    en: 'Too many requests; retry in {after}',
  },
  'server.unavailable': { ru: 'Сервер временно недоступен', en: 'The server is temporarily unavailable' },
  'server.data_busy': {
    ru: 'Встроенная база {path} уже открыта другим процессом (pid {pid}); остановите его или используйте PostgreSQL (DATABASE_URL)',
    en: 'The embedded database {path} is open in another process (pid {pid}); stop it or use PostgreSQL (DATABASE_URL)',
  },
  'server.config': { ru: 'Неверная настройка сервера: {name}', en: 'Invalid server setting: {name}' },
  'server.blob_key.missing': {
    ru: 'С PostgreSQL нужен ключ файлов: MEDCARD_SERVER_BLOB_KEY или MEDCARD_SERVER_BLOB_KEY_FILE',
    en: 'With PostgreSQL a blob key is required: MEDCARD_SERVER_BLOB_KEY or MEDCARD_SERVER_BLOB_KEY_FILE',
  },
  'server.blob_key.format': {
    ru: 'Ключ файлов сервера — 64 шестнадцатеричные цифры (256 бит)',
    en: 'The server blob key is 64 hex digits (256 bits)',
  },
  'server.blob_key.wrong': {
    ru: 'Ключ файлов не тот, которым зашифрованы файлы в этой базе',
    en: 'The blob key is not the one the stored files were encrypted with',
  },
  'sync.auth.missing': {
    ru: 'Запрос не подписан ключом рабочего места',
    en: 'The request is not signed with a workstation key',
  },
  'sync.auth.unknown_device': { ru: 'Рабочее место не зарегистрировано на сервере', en: 'The workstation is not enrolled on the server' },
  'sync.auth.revoked': { ru: 'Доступ рабочего места отозван', en: 'The workstation’s access has been revoked' },
  'sync.auth.bad_signature': { ru: 'Подпись запроса неверна', en: 'The request signature is not valid' },
  'sync.auth.replayed': { ru: 'Повтор уже принятого запроса отклонён', en: 'A replay of an accepted request was refused' },
  'sync.auth.clock_skew': {
    ru: 'Часы рабочего места расходятся с сервером больше чем на 5 минут',
    en: 'The workstation clock is more than 5 minutes off the server’s',
  },
  'sync.enrol.code_unknown': { ru: 'Код регистрации не найден', en: 'Enrolment code not found' },
  'sync.enrol.code_used': { ru: 'Код регистрации уже использован', en: 'The enrolment code has already been used' },
  'sync.enrol.code_expired': { ru: 'Срок действия кода регистрации истёк', en: 'The enrolment code has expired' },
  'sync.enrol.public_key': {
    ru: 'Открытый ключ рабочего места должен быть Ed25519 (SPKI DER, base64)',
    en: 'The workstation public key must be Ed25519 (SPKI DER, base64)',
  },
  'sync.enrol.key_taken': {
    ru: 'Этот ключ уже зарегистрирован для другого рабочего места',
    en: 'This key is already enrolled for another workstation',
  },
  'sync.device.not_found': { ru: 'Рабочее место {id} не найдено', en: 'Workstation {id} not found' },
  'sync.table_not_allowed': { ru: 'Таблица {table} не синхронизируется', en: 'Table {table} does not sync' },
  'sync.field_not_allowed': {
    ru: 'Поле {field} нельзя изменять с рабочего места',
    en: 'Field {field} cannot be changed from a workstation',
  },
  'sync.mutation_empty': { ru: 'Изменение не содержит полей', en: 'The change has no fields' },
  'sync.mutation_reused': {
    ru: 'Идентификатор изменения уже использован для другого изменения',
    en: 'The mutation id was already used for a different change',
  },
  'sync.row_unknown': {
    ru: 'Запись, которую изменяют, на сервере не найдена',
    en: 'The record being changed is not on the server',
  },
  'sync.conflict_not_creatable': {
    ru: 'Записи о конфликтах создаёт только сервер',
    en: 'Only the server creates conflict records',
  },
  'sync.actor_unknown': {
    ru: 'Сервер не знает сотрудника, сделавшего изменение: его учётная запись ещё не синхронизирована',
    en: 'The server does not know the person who made the change: their account has not synced',
  },
  'sync.actor_inactive': {
    ru: 'Учётная запись сотрудника, сделавшего изменение, отключена',
    en: 'The account of the person who made the change is deactivated',
  },
  'sync.actor_forbidden': {
    ru: 'У сотрудника, сделавшего изменение, нет прав на него',
    en: 'The person who made the change is not allowed to make it',
  },
  'sync.staff_login_taken': {
    ru: 'Логин уже занят другой учётной записью в клинике',
    en: 'The login is already taken by another account in the clinic',
  },
  'sync.blob.not_found': { ru: 'Файл не найден на сервере', en: 'File not found on the server' },
  'sync.blob.incomplete': { ru: 'Файл загружен на сервер не полностью', en: 'The file has not been fully uploaded' },
  'sync.blob.offset': {
    ru: 'Часть файла пришла не с того места: сервер ждёт смещение {expected}',
    en: 'The chunk is at the wrong offset: the server expects {expected}',
  },
  'sync.blob.too_large': { ru: 'Файл больше {max} байт', en: 'The file is larger than {max} bytes' },
  'sync.blob.hash_mismatch': {
    ru: 'Содержимое файла не совпадает с его SHA-256; загруженные части удалены',
    en: 'The content does not match its SHA-256; the uploaded parts were discarded',
  },
  'sync.blob.range': { ru: 'Запрошенный диапазон байтов вне файла', en: 'The requested byte range is outside the file' },

  // Online identity and its in-person verification (B6): the portal's API and the desk's check.
  'portal.not_configured': {
    ru: 'Доступ портала пациентов к серверу не настроен (MEDCARD_PORTAL_TOKEN)',
    en: 'The patients’ portal has no access to this server (MEDCARD_PORTAL_TOKEN is not set)',
  },
  'portal.auth.missing': { ru: 'Запрос портала без ключа доступа', en: 'The portal’s request carries no access token' },
  'portal.auth.wrong': { ru: 'Неверный ключ доступа портала', en: 'The portal’s access token is wrong' },
  'portal.patient_unknown': { ru: 'Пациент {id} не найден на сервере', en: 'Patient {id} is not on the server' },
  'portal.identity_locked': {
    ru: 'Подтверждение личности онлайн заблокировано после {failures} неудачных попыток: пациенту нужно прийти в регистратуру с оригиналами документов',
    en: 'Online identity confirmation is locked after {failures} failed attempts: the patient must bring the original documents to the front desk',
  },
  'verification.documents_required': {
    ru: 'Отметьте хотя бы один документ, оригинал которого вы проверили',
    en: 'Mark at least one document whose original you checked',
  },
  'verification.photo_id_required': {
    ru: 'Среди проверенных документов нужен документ с фотографией (паспорт, водительское удостоверение или иной)',
    en: 'The documents checked must include one with a photo (passport, driving licence or other photo ID)',
  },
  'verification.originals_unconfirmed': {
    ru: 'Подтвердите, что проверены оригиналы, а не копии',
    en: 'Confirm that you checked the originals, not copies',
  },
  'verification.not_found': { ru: 'У пациента нет попыток подтверждения личности онлайн', en: 'The patient has made no online identity attempts' },
  'verification.not_locked': {
    ru: 'Пациент не ждёт проверки в регистратуре: подтверждение онлайн не заблокировано',
    en: 'The patient is not waiting for an in-person check: online confirmation is not locked',
  },
  'verification.status_forbidden': {
    ru: 'Рабочее место может только перевести заблокированного пациента в «личность подтверждена в регистратуре»',
    en: 'A workstation may only move a locked patient to “identity verified in person”',
  },
  'verification.field_forbidden': {
    ru: 'Поле {field} подтверждения личности ведёт только сервер',
    en: 'Only the server writes the identity field {field}',
  },
  'verification.not_creatable': {
    ru: 'Запись о подтверждении личности онлайн создаёт только сервер',
    en: 'Only the server creates an online identity record',
  },
  'verification.verifier_mismatch': {
    ru: 'Проверившим документы указан не тот сотрудник, что вносит изменение',
    en: 'The person named as having checked the documents is not the one making the change',
  },
  'verification.scan_unknown': { ru: 'Скан {id} не относится к этому пациенту', en: 'Scan {id} does not belong to this patient' },
  'verification.document_unknown': {
    ru: 'Документ {id} не найден среди документов этого пациента',
    en: 'Document {id} is not among this patient’s documents',
  },

  // Scans of identity documents (B4): each failed check has its own code, with the measured value.
  'scan.format.unsupported': {
    ru: 'Файл не JPEG, PNG или PDF (проверено по содержимому, а не по имени файла)',
    en: 'The file is not a JPEG, PNG or PDF (checked by its content, not its name)',
  },
  'scan.format.damaged': { ru: 'Файл {format} повреждён и не читается', en: 'The {format} file is damaged and cannot be read' },
  'scan.size.too_large': {
    ru: 'Размер файла {size} МБ, нужно не больше {max} МБ',
    en: 'The file is {size} MB; at most {max} MB is allowed',
  },
  'scan.resolution.low': {
    ru: 'Разрешение {dpi} dpi, нужно не меньше {min} dpi',
    en: 'Resolution {dpi} dpi; at least {min} dpi is needed',
  },
  'scan.brightness.low': {
    ru: 'Скан слишком тёмный: яркость {brightness} %, нужно не меньше {min} %',
    en: 'The scan is too dark: brightness {brightness} %; at least {min} % is needed',
  },
  'scan.sharpness.low': {
    ru: 'Скан нерезкий: резкость {sharpness}, нужно не меньше {min}',
    en: 'The scan is blurred: sharpness {sharpness}; at least {min} is needed',
  },
  'scan.pdf.too_many_pages': {
    ru: 'В PDF {pages} страниц, можно не больше {max}',
    en: 'The PDF has {pages} pages; at most {max} are allowed',
  },
  'scan.pdf.no_image': {
    ru: 'На странице {page} PDF нет отсканированного изображения',
    en: 'Page {page} of the PDF has no scanned image',
  },
  'scan.pdf.image_unsupported': {
    ru: 'Изображение на странице {page} PDF сжато способом {filter}, который не читается; сохраните скан в JPEG или PNG',
    en: 'The image on page {page} of the PDF uses {filter} compression, which cannot be read; save the scan as JPEG or PNG',
  },
  'scan.not_found': { ru: 'Скан не найден', en: 'Scan not found' },
  'scan.unavailable': {
    ru: 'На этом рабочем месте сканы не принимаются (нет хранилища сканов)',
    en: 'This workstation takes no scans (it has no scan vault)',
  },
  'scan.upload.unknown': {
    ru: 'Загрузка файла не найдена или устарела; выберите файл заново',
    en: 'The file upload is unknown or expired; choose the file again',
  },
  'scan.upload.offset': {
    ru: 'Часть файла пришла не по порядку (ожидалось с байта {expected}); повторите загрузку',
    en: 'A part of the file arrived out of order (byte {expected} was expected); upload it again',
  },
  'scan.upload.too_large': {
    ru: 'Файл больше {max} МБ и не загружается',
    en: 'The file is larger than {max} MB and is not uploaded',
  },
  'scan.upload.busy': {
    ru: 'Рабочее место занято приёмом других файлов; повторите через минуту',
    en: 'The workstation is busy receiving other files; try again in a minute',
  },
  'scan.upload.empty': { ru: 'Файл пустой', en: 'The file is empty' },
  'scan.pdf.no_page': { ru: 'В PDF нет страницы {page} (страниц: {pages})', en: 'The PDF has no page {page} (it has {pages})' },
  'scanner.job_unknown': {
    ru: 'Сканирование не найдено или устарело; начните его заново',
    en: 'The scan job is unknown or expired; start the scan again',
  },
  'scan.file.missing': {
    ru: 'Файл скана {sha256} отсутствует на этом рабочем месте',
    en: 'The scan file {sha256} is missing on this workstation',
  },
  'scan.file.damaged': {
    ru: 'Файл скана {sha256} повреждён или изменён и не открыт',
    en: 'The scan file {sha256} is damaged or was altered; it was not opened',
  },
  'scanner.unavailable': {
    ru: 'Программа сканирования scanimage не установлена (apt-get install sane-utils)',
    en: 'The scanimage program is not installed (apt-get install sane-utils)',
  },
  'scanner.none': {
    ru: 'Сканер не найден: проверьте, что он включён и подключён',
    en: 'No scanner found: check that it is switched on and connected',
  },
  'scanner.busy': {
    ru: 'Сканер занят: дождитесь конца другого сканирования и повторите',
    en: 'The scanner is busy: wait for the other scan to finish and try again',
  },
  'scanner.timeout': {
    ru: 'Сканер не закончил за {seconds} с; сканирование остановлено',
    en: 'The scanner did not finish within {seconds} s; the scan was stopped',
  },
  'scanner.failed': {
    ru: 'Сканирование не удалось: {detail}',
    en: 'The scan failed: {detail}',
  },

  // YubiKey OTP (A2): validated by the central server (YK-VAL 2.0), never on the desk.
  'yubikey.otp.length': {
    ru: 'Пароль YubiKey — от 32 до 48 символов: очистите поле и коснитесь ключа ещё раз',
    en: 'A YubiKey password is 32 to 48 characters: clear the field and touch the key again',
  },
  'yubikey.otp.alphabet': {
    ru: 'В пароле YubiKey есть символы не из его алфавита (cbdefghijklnrtuv): проверьте раскладку клавиатуры и коснитесь ключа ещё раз',
    en: 'The YubiKey password has characters outside its alphabet (cbdefghijklnrtuv): check the keyboard layout and touch the key again',
  },
  'yubikey.authority_unreachable': {
    ru: 'Сервер проверки YubiKey недоступен: вход по ключу невозможен, пока связь не восстановится',
    en: 'The YubiKey validation server cannot be reached: signing in with the key is impossible until the connection is back',
  },
  'yubikey.response.signature': {
    ru: 'Ответ сервера проверки YubiKey не подписан ключом этого рабочего места и отклонён: проверьте номер клиента и ключ API в настройках',
    en: 'The YubiKey validation answer is not signed with this workstation’s key and was refused: check the client id and API key in the settings',
  },
  'yubikey.response.mismatch': {
    ru: 'Ответ сервера проверки YubiKey относится к другому запросу (другой пароль или nonce) и отклонён',
    en: 'The YubiKey validation answer belongs to another request (another password or nonce) and was refused',
  },
  'yubikey.response.malformed': {
    ru: 'Сервер проверки YubiKey ответил не по протоколу YK-VAL 2.0',
    en: 'The YubiKey validation server did not answer in the YK-VAL 2.0 protocol',
  },
  'yubikey.bad_otp': {
    ru: 'Пароль YubiKey не принят: ключ не зарегистрирован, отозван или пароль искажён',
    en: 'The YubiKey password was not accepted: the key is not registered, is revoked, or the password is damaged',
  },
  'yubikey.replayed_otp': {
    ru: 'Этот пароль YubiKey уже использован: коснитесь ключа ещё раз',
    en: 'This YubiKey password has already been used: touch the key again',
  },
  'yubikey.replayed_request': {
    ru: 'Сервер уже получал этот запрос: коснитесь ключа ещё раз',
    en: 'The server has already seen this request: touch the key again',
  },
  'yubikey.bad_signature': {
    ru: 'Сервер проверки YubiKey не принял подпись запроса: проверьте ключ API рабочего места',
    en: 'The YubiKey validation server refused the request signature: check the workstation’s API key',
  },
  'yubikey.missing_parameter': {
    ru: 'Сервер проверки YubiKey счёл запрос неполным',
    en: 'The YubiKey validation server found the request incomplete',
  },
  'yubikey.no_such_client': {
    ru: 'Рабочее место не зарегистрировано как клиент проверки YubiKey (medcard-server yk-client-add)',
    en: 'The workstation is not registered as a YubiKey validation client (medcard-server yk-client-add)',
  },
  'yubikey.operation_not_allowed': {
    ru: 'Рабочему месту запрещено проверять пароли YubiKey: его доступ отозван',
    en: 'The workstation may not validate YubiKey passwords: its access has been revoked',
  },
  'yubikey.backend_error': {
    ru: 'Сервер проверки YubiKey не смог проверить пароль; повторите позже',
    en: 'The YubiKey validation server could not check the password; try again later',
  },
  'yubikey.public_id.format': {
    ru: 'Публичный идентификатор YubiKey — символы modhex (cbdefghijklnrtuv), у ключа Yubico их 12',
    en: 'A YubiKey public id is modhex (cbdefghijklnrtuv); a Yubico key’s has 12 characters',
  },
  'yubikey.private_id.format': {
    ru: 'Приватный идентификатор YubiKey — 12 шестнадцатеричных цифр (6 байт)',
    en: 'A YubiKey private id is 12 hex digits (6 bytes)',
  },
  'yubikey.aes_key.format': {
    ru: 'Секретный ключ AES YubiKey — 32 шестнадцатеричные цифры (128 бит)',
    en: 'A YubiKey AES secret is 32 hex digits (128 bits)',
  },
  'yubikey.staff.format': {
    ru: 'Укажите сотрудника, которому выдан ключ: от 1 до 100 символов',
    en: 'Name the staff member the key belongs to: 1 to 100 characters',
  },
  'yubikey.name.format': { ru: 'Название ключа — от 1 до 100 символов', en: 'A key name is 1 to 100 characters' },
  'yubikey.exists': { ru: 'YubiKey {publicId} уже зарегистрирован', en: 'YubiKey {publicId} is already registered' },
  'yubikey.not_found': { ru: 'YubiKey {publicId} не зарегистрирован', en: 'YubiKey {publicId} is not registered' },
  'yubikey.client.not_found': {
    ru: 'Клиент проверки YubiKey {id} не найден',
    en: 'YubiKey validation client {id} not found',
  },

  // Staff sign-in (A1–A4). The texts for a failed sign-in never say whether the login exists.
  'auth.password.too_short': { ru: 'Пароль — не короче {min} символов', en: 'The password needs at least {min} characters' },
  'auth.password.too_long': { ru: 'Пароль — не длиннее {max} символов', en: 'The password can have at most {max} characters' },
  'auth.password.no_upper': { ru: 'Нужна хотя бы одна заглавная буква', en: 'Add at least one capital letter' },
  'auth.password.no_lower': { ru: 'Нужна хотя бы одна строчная буква', en: 'Add at least one lower-case letter' },
  'auth.password.no_digit': { ru: 'Нужна хотя бы одна цифра', en: 'Add at least one digit' },
  'auth.password.no_special': {
    ru: 'Нужен хотя бы один знак, не буква и не цифра (например, ! # % или пробел)',
    en: 'Add at least one character that is neither a letter nor a digit (e.g. ! # % or a space)',
  },
  'auth.password.weak': { ru: 'Пароль не отвечает требованиям', en: 'The password does not meet the rules' },
  'auth.failed': {
    ru: 'Неверный логин или пароль. Осталось попыток: {left}',
    en: 'Wrong login or password. Attempts left: {left}',
  },
  'auth.locked': {
    ru: 'Слишком много неудачных попыток: вход заблокирован, повторите через {minutes} мин.',
    en: 'Too many failed attempts: sign-in is locked, try again in {minutes} min',
  },
  'auth.challenge.expired': {
    ru: 'Время на вход истекло или запрос уже использован; начните вход заново',
    en: 'The sign-in step timed out or was already used; start again',
  },
  'auth.key.refused': {
    ru: 'Ключ не принят. Осталось попыток: {left}',
    en: 'The key was not accepted. Attempts left: {left}',
  },
  'auth.key.page_only': {
    ru: 'На этом рабочем месте ключ запрашивает окно приложения, а не служба',
    en: 'At this workstation the key is asked by the app window, not the service',
  },
  'auth.key.not_touched': {
    ru: 'Ключ не ответил: приложите его и коснитесь, затем повторите',
    en: 'The key did not answer: insert it, touch it and try again',
  },
  'auth.key.no_device': {
    ru: 'Ключ не найден: вставьте его в USB-порт (нужны средства libfido2)',
    en: 'No key found: insert it into a USB port (libfido2 tools are needed)',
  },
  'auth.key.none': {
    ru: 'У сотрудника нет действующего ключа; войдите с паролем и резервным способом',
    en: 'This person has no active key; sign in with the password and a backup factor',
  },
  'auth.key.taken': { ru: 'Этот ключ уже зарегистрирован', en: 'This key is already registered' },
  'auth.key.not_found': { ru: 'Ключ не найден', en: 'Key not found' },
  'auth.key.enrolment_failed': {
    ru: 'Ключ не зарегистрирован: его ответ не прошёл проверку; попробуйте ещё раз',
    en: 'The key was not registered: its answer did not pass the checks; try again',
  },
  'auth.totp.wrong': {
    ru: 'Код из приложения не подходит. Осталось попыток: {left}',
    en: 'The authenticator app code is not right. Attempts left: {left}',
  },
  'auth.totp.reused': {
    ru: 'Этот код уже использован; дождитесь следующего. Осталось попыток: {left}',
    en: 'This code was already used; wait for the next one. Attempts left: {left}',
  },
  'auth.totp.not_enrolled': {
    ru: 'Коды из приложения-аутентификатора не подключены',
    en: 'Authenticator app codes are not set up',
  },
  'auth.totp.no_pending': {
    ru: 'Сначала начните подключение приложения-аутентификатора',
    en: 'Start setting up the authenticator app first',
  },
  'auth.totp.confirm_wrong': {
    ru: 'Код не подходит: проверьте, что приложение отсканировало новый QR-код, и введите текущий код',
    en: 'The code does not match: check that the app scanned the new QR code and enter its current code',
  },
  'auth.recovery.wrong': {
    ru: 'Код восстановления не подходит или уже использован. Осталось попыток: {left}',
    en: 'The recovery code is wrong or already used. Attempts left: {left}',
  },
  'auth.setup.done': {
    ru: 'Первый администратор уже создан; новых сотрудников добавляет администратор',
    en: 'The first administrator already exists; an administrator adds new staff',
  },
  'auth.config': { ru: 'Неверная настройка входа: {name}', en: 'Invalid sign-in setting: {name}' },
  'auth.required': { ru: 'Войдите в систему, чтобы продолжить', en: 'Sign in to continue' },
  'auth.session_locked': {
    ru: 'Рабочее место заблокировано: приложите ключ, чтобы продолжить',
    en: 'The workstation is locked: touch your key to continue',
  },
  'auth.account_setup_required': {
    ru: 'Сначала смените пароль и зарегистрируйте ключ',
    en: 'Change your password and enrol a key first',
  },
  'auth.otp.none': {
    ru: 'У сотрудника нет YubiKey для входа по одноразовому паролю',
    en: 'This person has no YubiKey for one-time password sign-in',
  },
  'auth.otp.wrong_key': {
    ru: 'Этот YubiKey не принадлежит сотруднику. Осталось попыток: {left}',
    en: 'This YubiKey does not belong to this person. Attempts left: {left}',
  },
  'auth.otp.refused': {
    ru: 'Одноразовый пароль YubiKey не принят. Осталось попыток: {left}',
    en: 'The YubiKey one-time password was not accepted. Attempts left: {left}',
  },
  // Consent to personal-data processing (B8, 152-ФЗ)
  'consent.not_found': { ru: 'Согласие не найдено', en: 'Consent not found' },
  'consent.text.missing': {
    ru: 'Текст согласия редакции {version} не найден среди файлов программы',
    en: 'The consent text of version {version} is not among the program files',
  },
  'consent.text.none_in_force': {
    ru: 'На {date} нет действующей редакции текста согласия',
    en: 'No version of the consent text is in force on {date}',
  },
  'consent.text.damaged': {
    ru: 'Файл текста согласия {file} изменён: контрольная сумма SHA-256 не совпадает с указанной в манифесте',
    en: 'The consent text file {file} was altered: its SHA-256 does not match the manifest',
  },
  'consent.text.outdated': {
    ru: 'Согласие принимается только по действующей редакции текста ({current}), показана редакция {version}',
    en: 'Consent is accepted only on the current text ({current}); version {version} was shown',
  },
  'consent.already_valid': {
    ru: 'У пациента уже есть действующее согласие по этой редакции текста',
    en: 'The patient already has a valid consent on this version of the text',
  },
  'consent.already_withdrawn': { ru: 'Согласие уже отозвано {date}', en: 'The consent was already withdrawn on {date}' },
  'consent.signature.format': { ru: 'Подпись должна быть изображением PNG', en: 'The signature must be a PNG image' },
  'consent.signature.empty': {
    ru: 'Подпись пуста или слишком мала — попросите пациента расписаться',
    en: 'The signature is empty or too small; ask the patient to sign',
  },
  'consent.scan.not_found': {
    ru: 'Скан подписанного согласия не найден у этого пациента',
    en: "The scan of the signed consent is not among this patient's scans",
  },
  'consent.scan.wrong_purpose': {
    ru: 'Этот скан снят не как согласие на обработку персональных данных',
    en: 'This scan was not taken as a consent to personal-data processing',
  },
  'consent.scan.attached': { ru: 'Этот скан уже приложен к другой записи', en: 'This scan is already attached to another record' },

  // Trusted persons (B9)
  'proxy.not_found': { ru: 'Доверенное лицо не найдено', en: 'Trusted person not found' },
  'proxy.scope.empty': {
    ru: 'Отметьте хотя бы один раздел медицинской карты',
    en: 'Tick at least one section of the medical record',
  },
  'proxy.scope.repeated': { ru: 'Раздел указан дважды', en: 'A section is listed twice' },
  'proxy.relationship.not_parent': {
    ru: 'Основание «родитель несовершеннолетнего» — только для матери или отца',
    en: 'The basis “parent of a minor” is for the mother or father only',
  },
  'proxy.basis.patient_of_age': {
    ru: 'Пациенту уже исполнилось 15 лет: он сам решает о медицинском вмешательстве, родитель не может быть его представителем по этому основанию',
    en: 'The patient is already 15 and makes their own medical decisions; a parent cannot represent them on this basis',
  },
  'proxy.poa.required': { ru: 'Обязательно для доверенности', en: 'Required for a power of attorney' },
  'proxy.poa.expires_before_issue': {
    ru: 'Срок действия доверенности раньше даты её выдачи',
    en: 'The power of attorney expires before it was issued',
  },
  'proxy.poa.expired': { ru: 'Срок действия доверенности истёк {date}', en: 'The power of attorney expired on {date}' },
  'proxy.poa.issued_future': { ru: 'Дата выдачи доверенности в будущем', en: 'The power of attorney is issued in the future' },
  'proxy.period.before_issue': {
    ru: 'Полномочия не могут начаться раньше выдачи доверенности ({date})',
    en: 'The authority cannot start before the power of attorney was issued ({date})',
  },
  'proxy.period.after_expiry': {
    ru: 'Полномочия не могут действовать дольше доверенности (до {date})',
    en: 'The authority cannot outlast the power of attorney (until {date})',
  },
  'proxy.period.end_before_start': {
    ru: 'Дата окончания раньше даты начала',
    en: 'The end date is before the start date',
  },
  'proxy.period.after_age_of_consent': {
    ru: 'Полномочия родителя заканчиваются {date}, накануне 15-летия пациента: начало не может быть позже',
    en: "A parent's authority ends on {date}, the day before the patient turns 15; it cannot start later",
  },
  'proxy.period.over': {
    ru: 'Полномочия уже закончились {date}',
    en: 'The authority already ended on {date}',
  },
  'proxy.already_revoked': { ru: 'Полномочия уже отозваны {date}', en: 'The authority was already revoked on {date}' },

  'yubikey.client.format': {
    ru: 'Клиент YK-VAL: номер — целое число, ключ — base64 из выдачи medcard-server yk-client-add',
    en: 'YK-VAL client: the id is a whole number, the key the base64 printed by medcard-server yk-client-add',
  },
  'yubikey.not_configured': {
    ru: 'Проверка YubiKey не настроена на этом рабочем месте; войдите с ключом FIDO2',
    en: 'YubiKey validation is not set up at this workstation; sign in with the FIDO2 key',
  },
  'staff.login.format': {
    ru: 'Логин — от 3 до 64 латинских букв, цифр, точек, дефисов и подчёркиваний; начинается с буквы или цифры',
    en: 'A login is 3 to 64 Latin letters, digits, dots, hyphens and underscores, starting with a letter or digit',
  },
  'staff.login.taken': { ru: 'Такой логин уже занят', en: 'This login is already taken' },
  'staff.not_found': { ru: 'Сотрудник не найден', en: 'Staff member not found' },
  'staff.inactive': { ru: 'Учётная запись сотрудника отключена', en: 'The staff account is deactivated' },
  'staff.last_admin': {
    ru: 'Нельзя отключить последнего действующего администратора',
    en: 'The last active administrator cannot be deactivated',
  },
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
