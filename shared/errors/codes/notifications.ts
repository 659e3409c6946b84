import type { CodeEntries } from '../code-entries';

/**
 * The server's notification outbox (C5): e-mail over SMTP, SMS through a gateway. The send
 * codes are what the outbox keeps in `last_error` and what the log says (never a provider's
 * text, which may quote the message and its code).
 */
export const notificationCodes = {
  'notification.config.smtp_url': {
    ru: 'MEDCARD_SMTP_URL должен быть адресом smtp:// или smtps://',
    en: 'MEDCARD_SMTP_URL must be an smtp:// or smtps:// address',
  },
  'notification.request.invalid': {
    ru: 'Сообщение не поставлено в очередь: адресат, шаблон или параметры неверны',
    en: 'The message was not queued: its recipient, template or parameters are wrong',
  },
  'notification.template.params': {
    ru: 'В сообщении нет параметра, нужного его шаблону: {param}',
    en: 'The message lacks a parameter its template needs: {param}',
  },
  'notification.smtp.unavailable': {
    ru: 'Почтовый сервер недоступен или не ответил; письмо будет отправлено позже',
    en: 'The mail server is unreachable or did not answer; the e-mail will be retried',
  },
  'notification.smtp.rejected': {
    ru: 'Почтовый сервер отказался принять письмо',
    en: 'The mail server refused the e-mail',
  },
  'notification.sms.unavailable': {
    ru: 'SMS-шлюз недоступен или ответил ошибкой; SMS будет отправлено позже',
    en: 'The SMS gateway is unreachable or failed; the SMS will be retried',
  },
  'notification.sms.rejected': {
    ru: 'SMS-шлюз отказался принять сообщение',
    en: 'The SMS gateway refused the message',
  },
  'notification.drop.failed': {
    ru: 'Не удалось записать сообщение в папку MEDCARD_MAIL_DROP_DIR',
    en: 'The message could not be written to MEDCARD_MAIL_DROP_DIR',
  },
  'notification.gave_up': {
    ru: 'Сообщение не отправлено после {attempts} попыток',
    en: 'The message was not sent after {attempts} attempts',
  },
} as const satisfies CodeEntries<'notification'>;
