import type { CodeEntries } from '../code-entries';

/** Errors: the database key bound to hardware keys (WebAuthn PRF) and its recovery key (issue 15, A5). */
export const dbKeyCodes = {
  'db_key.locked': {
    ru: 'База данных закрыта: ключ базы привязан к аппаратным ключам — коснитесь одного из них на странице рабочего места (без них: «medcard key recover» с ключом восстановления)',
    en: 'The database is locked: its key is bound to hardware keys — touch one of them on the desk’s page (without them: “medcard key recover” with the recovery key)',
  },
  'db_key.not_bound': {
    ru: 'Этот аппаратный ключ не привязан к ключу базы данных этого рабочего места',
    en: 'This hardware key is not bound to this desk’s database key',
  },
  'db_key.unwrap_failed': {
    ru: 'Ключ базы данных не удалось раскрыть (чужой ключ или файл привязанных ключей изменён); ничего не записано',
    en: 'The database key could not be unwrapped (another key, or the bound-keys file was changed); nothing was written',
  },
  'db_key.file_malformed': {
    ru: 'Файл привязанных ключей {path} повреждён или изменён; база не открыта',
    en: 'The bound-keys file {path} is damaged or was changed; the database was not opened',
  },
  'db_key.prf_missing': {
    ru: 'Ключ не дал секрета PRF (hmac-secret): нужен аппаратный ключ FIDO2 с поддержкой PRF',
    en: 'The key returned no PRF (hmac-secret) secret: a FIDO2 hardware key with PRF support is needed',
  },
  'db_key.touch_cancelled': {
    ru: 'Аппаратный ключ не ответил или касание отменено',
    en: 'The hardware key did not answer, or the touch was cancelled',
  },
  'db_key.already_bound': {
    ru: 'Этот аппаратный ключ уже привязан',
    en: 'This hardware key is already bound',
  },
  'db_key.last_key': {
    ru: 'Это последний привязанный ключ: сначала привяжите другой',
    en: 'This is the last bound key: bind another one first',
  },
  'db_key.recovery_typo': {
    ru: 'Ключ восстановления введён с ошибкой (не сходится контрольная группа): проверьте каждую группу',
    en: 'The recovery key has a typo (its check group does not match): check each group',
  },
  'db_key.no_recovery': {
    ru: 'У этого рабочего места нет ключа восстановления',
    en: 'This desk has no recovery key',
  },
  'db_key.not_open': {
    ru: 'Ключ, раскрытый привязанным ключом, не открывает базу данных; ничего не изменено',
    en: 'The key unwrapped by the bound key does not open the database; nothing was changed',
  },
  'db_key.other_source': {
    ru: 'Ключ базы задан в MEDCARD_DB_KEY или MEDCARD_DB_KEY_FILE: привязка к аппаратным ключам не нужна и не делается',
    en: 'The database key comes from MEDCARD_DB_KEY or MEDCARD_DB_KEY_FILE: binding it to hardware keys is neither needed nor done',
  },
  'db_key.stale_options': {
    ru: 'Ключ базы данных тем временем привязали в другом окне: начните привязку заново',
    en: 'The database key was bound from another window meanwhile: start binding again',
  },
  'db_key.nothing_to_recover': {
    ru: 'Ключ базы {db} не привязан к аппаратным ключам: восстанавливать нечего',
    en: 'The key of {db} is not bound to hardware keys: nothing to recover',
  },
  'db_key.page_only': {
    ru: 'Привязать ключ можно только на странице рабочего места, где браузер сам спрашивает аппаратный ключ',
    en: 'Keys can be bound only where the desk’s page asks the hardware key itself',
  },
} as const satisfies CodeEntries<'db_key'>;
