import type { CodeEntries } from '../code-entries';

/** The server's notification outbox (C5): e-mail over SMTP, SMS through a gateway. */
export const notificationCodes = {
  'notification.config.smtp_url': {
    ru: 'MEDCARD_SMTP_URL должен быть адресом smtp:// или smtps://',
    en: 'MEDCARD_SMTP_URL must be an smtp:// or smtps:// address',
  },
} as const satisfies CodeEntries<'notification'>;
