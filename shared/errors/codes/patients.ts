import type { CodeEntries } from '../code-entries';

/** Patients (B1, B2): identifiers, names, contacts, duplicates, merging and the CSV import. */
export const patientCodes = {
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
  'patient.email.too_long': {
    ru: 'Адрес электронной почты длиннее {max} символов',
    en: 'The e-mail address is longer than {max} characters',
  },
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
  'patient.update.identity_field': {
    ru: 'ФИО, дата рождения, пол, СНИЛС, ЕНП и ИНН меняются только сверкой с документом, не правкой контактов',
    en: 'Names, birth date, sex, SNILS, ENP and INN change only through the document comparison, not with the contacts',
  },
  'patient.update.merged': {
    ru: 'Карта объединена с другой: меняйте контакты в действующей карте',
    en: 'This card was merged into another: change the contacts on the current card',
  },
  'patient.contact_change.immutable': {
    ru: 'Запись истории контактов не меняется: новое изменение — новая запись',
    en: 'A contact history entry never changes: a new change is a new entry',
  },
  'patient.contact_change.field': {
    ru: 'В истории контактов бывают только телефон, e-mail и адрес',
    en: 'The contact history holds only the phone, e-mail and address',
  },
  'patient.contact_change.author': {
    ru: 'Изменившим контакты записан не тот, кто внёс изменение',
    en: 'The entry names someone other than its writer as the one who changed the contacts',
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
  'patient_import.row.columns': {
    ru: 'В строке {actual} полей вместо {expected}',
    en: 'The row has {actual} fields instead of {expected}',
  },
  'patient_import.row.quote': { ru: 'В строке не закрыта кавычка', en: 'The row has an unclosed quote' },
  'patient_import.row.repeated': {
    ru: 'Строка повторяет строку {line} этого файла',
    en: 'The row repeats line {line} of this file',
  },
} as const satisfies CodeEntries<'patient' | 'patient_import'>;
