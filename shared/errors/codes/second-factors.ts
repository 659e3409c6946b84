import type { CodeEntries } from '../code-entries';

/** Second factors checked on the server (issue 10, item 2): each refusal its own code. */
export const secondFactorCodes = {
  'factor.statement.device': {
    ru: 'Заявление о сеансе выписано для другого рабочего места',
    en: 'The session statement names another workstation',
  },
  'factor.statement.expired': {
    ru: 'Заявление о сеансе просрочено или ещё не действует: проверьте часы рабочего места',
    en: 'The session statement has expired or is not valid yet: check the workstation’s clock',
  },
  'factor.person.unknown': {
    ru: 'Сервер не знает этого сотрудника (или он отключён)',
    en: 'The server does not know this person (or the account is disabled)',
  },
  'factor.locked': {
    ru: 'Слишком много неверных кодов: вход по коду закрыт на {minutes} мин',
    en: 'Too many wrong codes: signing in with a code is locked for {minutes} min',
  },
  'factor.totp.wrong': {
    ru: 'Неверный код приложения. Осталось попыток: {left}',
    en: 'Wrong authenticator code. Attempts left: {left}',
  },
  'factor.totp.reused': {
    ru: 'Этот код приложения уже использован: дождитесь следующего. Осталось попыток: {left}',
    en: 'This authenticator code was already used: wait for the next one. Attempts left: {left}',
  },
  'factor.totp.not_enrolled': {
    ru: 'Приложение-аутентификатор не подключено. Осталось попыток: {left}',
    en: 'No authenticator app is set up. Attempts left: {left}',
  },
  'factor.totp.no_pending': {
    ru: 'Сначала начните подключение приложения',
    en: 'Start setting up the app first',
  },
  'factor.totp.confirm_wrong': {
    ru: 'Код не подходит к новому секрету: отсканируйте QR-код ещё раз. Осталось попыток: {left}',
    en: 'The code does not match the new secret: scan the QR code again. Attempts left: {left}',
  },
  'factor.recovery.wrong': {
    ru: 'Код восстановления неверен или уже использован (на любом рабочем месте). Осталось попыток: {left}',
    en: 'The recovery code is wrong or already used (at any workstation). Attempts left: {left}',
  },
  'factor.otp.refused': {
    ru: 'Пароль YubiKey не принят (неверный, повторный или ключ отозван). Осталось попыток: {left}',
    en: 'The YubiKey password was refused (wrong, replayed or the key revoked). Attempts left: {left}',
  },
  'factor.otp.wrong_key': {
    ru: 'Этот YubiKey принадлежит другому сотруднику. Осталось попыток: {left}',
    en: 'This YubiKey belongs to someone else. Attempts left: {left}',
  },
  'factor.session.unproven': {
    ru: 'Сеанс сотрудника не подтверждён сервером: войдите снова',
    en: 'The person’s session is not proven to the server: sign in again',
  },
  'factor.session.other_person': {
    ru: 'Менять второй фактор может только сам сотрудник',
    en: 'Only the person themself may change their second factor',
  },
  'factor.offline': {
    ru: 'Сервер недоступен: коды проверяются только на сервере, войдите с ключом FIDO2',
    en: 'The server cannot be reached: codes are checked on the server only; sign in with the FIDO2 key',
  },
} as const satisfies CodeEntries<'factor'>;
