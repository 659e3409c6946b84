import type { CodeEntries } from '../code-entries';

/** YubiKey OTP (A2): validated by the central server (YK-VAL 2.0), never on the desk. */
export const yubikeyCodes = {
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
  'yubikey.client.format': {
    ru: 'Клиент YK-VAL: номер — целое число, ключ — base64 из выдачи medcard-server yk-client-add',
    en: 'YK-VAL client: the id is a whole number, the key the base64 printed by medcard-server yk-client-add',
  },
  'yubikey.not_configured': {
    ru: 'Проверка YubiKey не настроена на этом рабочем месте; войдите с ключом FIDO2',
    en: 'YubiKey validation is not set up at this workstation; sign in with the FIDO2 key',
  },
  'yubikey.secrets.in_argv': {
    ru: 'Секреты ключа не принимаются в командной строке (их видно в ps и в истории оболочки): передайте строки aes-key=HEX и private-id=HEX через stdin или в файле с правами 0600 (--secrets-file)',
    en: 'Key secrets are not taken on the command line (ps and the shell history show them): pass the lines aes-key=HEX and private-id=HEX on stdin or in a 0600 file (--secrets-file)',
  },
  'yubikey.secrets.input': {
    ru: 'Ожидались ровно две строки: aes-key=HEX и private-id=HEX',
    en: 'Expected exactly two lines: aes-key=HEX and private-id=HEX',
  },
  'yubikey.secrets.file_mode': {
    ru: 'Файл секретов {path} доступен не только владельцу: выполните chmod 600',
    en: 'The secrets file {path} is open to others than its owner: run chmod 600',
  },
} as const satisfies CodeEntries<'yubikey'>;
