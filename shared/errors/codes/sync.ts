import type { CodeEntries } from '../code-entries';

/**
 * Sync: the desk's side, and the central server's refusals of a request or a mutation
 * (server/sync, server/auth; dictionary releases: `sync.release_*`).
 */
export const syncCodes = {
  'sync.release_immutable': {
    ru: 'Выпуск справочника не изменяется: новую версию публикуют новым выпуском',
    en: 'A dictionary release does not change: a new version is published as a new release',
  },
  'sync.release_file_missing': {
    ru: 'Файл выпуска справочника ({sha256}) ещё не загружен на сервер',
    en: 'The dictionary release’s file ({sha256}) has not been uploaded to the server yet',
  },
  'sync.conflict_not_found': { ru: 'Конфликт не найден', en: 'Conflict not found' },
  'sync.unreachable': {
    ru: 'Сервер синхронизации недоступен; изменения сохраняются локально',
    en: 'The sync server is unreachable; changes are kept locally',
  },
  'sync.worker_failed': {
    ru: 'Фоновая синхронизация остановилась и будет перезапущена',
    en: 'Background sync stopped and will restart: {reason}',
  },
  'sync.refused': { ru: 'Сервер отказал ({status})', en: 'The server refused ({status})' },
  'sync.blob.mismatch': { ru: 'Файл пришёл с другим содержимым', en: 'The file arrived with other content' },
  'sync.auth.missing': {
    ru: 'Запрос не подписан ключом рабочего места',
    en: 'The request is not signed with a workstation key',
  },
  'sync.auth.unknown_device': {
    ru: 'Рабочее место не зарегистрировано на сервере',
    en: 'The workstation is not enrolled on the server',
  },
  'sync.auth.revoked': { ru: 'Доступ рабочего места отозван', en: 'The workstation’s access has been revoked' },
  'sync.auth.bad_signature': { ru: 'Подпись запроса неверна', en: 'The request signature is not valid' },
  'sync.auth.replayed': {
    ru: 'Повтор уже принятого запроса отклонён',
    en: 'A replay of an accepted request was refused',
  },
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
  'sync.blob.unfinished_capped': {
    ru: 'У рабочего места слишком много незавершённых загрузок файлов (не больше {count} и {bytes} байт); завершите их',
    en: 'The workstation has too many unfinished file uploads (at most {count} and {bytes} bytes); finish them first',
  },
  'sync.blob.range': {
    ru: 'Запрошенный диапазон байтов вне файла',
    en: 'The requested byte range is outside the file',
  },
} as const satisfies CodeEntries<'sync'>;
