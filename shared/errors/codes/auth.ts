import type { CodeEntries } from '../code-entries';

/** Staff sign-in (A1–A4). The texts for a failed sign-in never say whether the login exists. */
export const authCodes = {
  'auth.password.too_short': {
    ru: 'Пароль — не короче {min} символов',
    en: 'The password needs at least {min} characters',
  },
  'auth.password.too_long': {
    ru: 'Пароль — не длиннее {max} символов',
    en: 'The password can have at most {max} characters',
  },
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
  'auth.deactivated': {
    ru: 'Ваша учётная запись отключена или не принята сервером: сеанс завершён',
    en: 'Your account was deactivated or refused by the server: the session has ended',
  },
  'auth.reauth_required': {
    ru: 'Подтвердите, что это вы: введите пароль или приложите ключ (нужно не реже раза в 5 минут для изменения ключей и кодов)',
    en: 'Confirm it is you: type your password or touch your key (needed within 5 minutes to change keys and codes)',
  },
  'auth.setup.enrolled_desk': {
    ru: 'Рабочее место подключено к серверу: сотрудники приходят с сервера, первого администратора здесь не создают. Дождитесь синхронизации или обратитесь к администратору клиники',
    en: 'This desk is enrolled with a server: staff come from the server, no first administrator is made here. Wait for the sync or ask the clinic’s administrator',
  },
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
} as const satisfies CodeEntries<'auth'>;
