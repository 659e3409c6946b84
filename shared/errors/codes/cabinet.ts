import type { CodeEntries } from '../code-entries';

/** The patient cabinet (issue 11): accounts, sessions, one-time codes, identity online, uploads. */
export const cabinetCodes = {
  'cabinet.session.none': {
    ru: 'Войдите в личный кабинет',
    en: 'Sign in to your cabinet',
  },
  'cabinet.session.stage': {
    ru: 'Это доступно после активации кабинета и входа с паролем и кодом',
    en: 'This is available once the cabinet is activated and you sign in with your password and a code',
  },
  'cabinet.csrf': {
    ru: 'Запрос отклонён: обновите страницу и повторите',
    en: 'The request was refused: reload the page and try again',
  },
  'cabinet.origin': {
    ru: 'Запрос пришёл не со страницы личного кабинета',
    en: 'The request did not come from the cabinet’s page',
  },
  'cabinet.locked': {
    ru: 'Слишком много неверных попыток: вход и проверка кодов заблокированы. Повторите через {minutes} мин',
    en: 'Too many wrong tries: sign-in and code checks are locked. Try again in {minutes} min',
  },
  'cabinet.register.under_15': {
    ru: 'Пациенту младше {age} лет кабинет открывает законный представитель (ст. 54 323-ФЗ)',
    en: 'For a patient under {age}, a legal representative opens the cabinet (Federal Law 323-FZ, art. 54)',
  },
  'cabinet.register.snils_or_inn': {
    ru: 'Укажите СНИЛС или ИНН',
    en: 'Enter your SNILS or INN',
  },
  'cabinet.register.phone_mobile': {
    ru: 'Нужен номер мобильного телефона: на него придёт код в SMS',
    en: 'A mobile number is needed: the SMS code goes there',
  },
  'cabinet.code.format': {
    ru: 'Код — 6 цифр',
    en: 'The code is 6 digits',
  },
  'cabinet.code.wrong': {
    ru: 'Неверный код',
    en: 'Wrong code',
  },
  'cabinet.code.expired': {
    ru: 'Срок действия кода истёк: запросите новый',
    en: 'The code has expired: request a new one',
  },
  'cabinet.code.used': {
    ru: 'Этот код уже использован: запросите новый',
    en: 'This code has already been used: request a new one',
  },
  'cabinet.code.spent': {
    ru: 'Слишком много неверных попыток для этого кода: запросите новый',
    en: 'Too many wrong tries for this code: request a new one',
  },
  'cabinet.code.resend_wait': {
    ru: 'Новый код можно запросить через {seconds} с',
    en: 'A new code can be requested in {seconds} s',
  },
  'cabinet.email.link_wrong': {
    ru: 'Ссылка неверна: откройте её из последнего письма или запросите новое',
    en: 'The link is not valid: open it from the latest e-mail or request a new one',
  },
  'cabinet.email.link_expired': {
    ru: 'Срок действия ссылки истёк: запросите новое письмо',
    en: 'The link has expired: request a new e-mail',
  },
  'cabinet.email.link_used': {
    ru: 'Эта ссылка уже использована: войдите или запросите новое письмо',
    en: 'This link has already been used: sign in or request a new e-mail',
  },
  'cabinet.phone.already_confirmed': {
    ru: 'Телефон уже подтверждён',
    en: 'The phone is already confirmed',
  },
  'cabinet.sign_in.wrong': {
    ru: 'Неверный адрес электронной почты или пароль',
    en: 'Wrong e-mail or password',
  },
  'cabinet.sign_in.challenge': {
    ru: 'Вход не завершён вовремя: введите пароль снова',
    en: 'The sign-in was not completed in time: enter your password again',
  },
  'cabinet.sign_in.channel': {
    ru: 'Этим способом код не отправить: выберите подтверждённый телефон или адрес',
    en: 'A code cannot be sent this way: choose a confirmed phone or address',
  },
  'cabinet.sign_in.totp_no_send': {
    ru: 'Код приложения-аутентификатора не отправляется: откройте приложение',
    en: 'An authenticator app code is not sent: open the app',
  },
  'cabinet.totp.not_enrolled': {
    ru: 'Приложение-аутентификатор не подключено: выберите SMS или e-mail',
    en: 'No authenticator app is set up: choose SMS or e-mail',
  },
  'cabinet.totp.no_pending': {
    ru: 'Сначала начните подключение приложения-аутентификатора',
    en: 'Start setting up the authenticator app first',
  },
} as const satisfies CodeEntries<'cabinet'>;
