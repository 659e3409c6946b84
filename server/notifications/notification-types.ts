import { z } from 'zod';

/**
 * The notification outbox's words (C5). A message is queued in the caller's transaction
 * (`enqueueNotification`, enqueue.ts) and sent by the worker (worker.ts): one outbox row per
 * message and channel, retried with backoff, never lost across a restart, never sent twice.
 */
export const notificationTemplates = [
  'email_confirm', // { link }
  'register_existing', // someone tried to register with this e-mail: {}
  'phone_code', // { code }
  'sign_in_code', // { code }
  'identity_code', // { code }
  'signature_code', // { code }
  'application_received', // { number, dueAt }
  'review_started', // { number }
  'application_approved', // { number, link?, code?, expiresAt }  (activation)
  'application_denied', // { number, reason, note, supplyDue }
  'application_delayed', // { number, dueAt }
  'application_reopened', // { number }
  'account_activated', // {}
  'chart_share', // { clinic, patient, count, entry1…entryN } — a chart sent with the patient's consent (issue 12, D6)
  'chart_report_accepted', // { submittedOn, link }  (an inaccuracy report, issue 12)
  'chart_report_declined', // { submittedOn, link }
  // A booking (issue 13, E3): server/appointments/notices/appointment-params.ts lists the params.
  'appointment_booked',
  'appointment_moved',
  'appointment_cancelled',
  'appointment_reminder',
  // A request for one's records (issue 14, F3): record-request-templates.ts lists the params.
  'record_request_code', // { code }
  'record_request_received',
  'record_request_ready',
  'record_request_delayed',
] as const;
export type NotificationTemplate = (typeof notificationTemplates)[number];

export const notificationChannels = ['email', 'sms'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

export interface NotificationRequest {
  clinicId: string;
  /** The cabinet account it is for, when there is one (the patient's channel choices). */
  accountId: string | null;
  /** The application it is about: its journal gets a `notification_sent` event when it goes. */
  applicationId?: string | null;
  channel: NotificationChannel;
  /** An e-mail address or an E.164 phone number. */
  to: string;
  template: NotificationTemplate;
  params: Readonly<Record<string, string>>;
  /** A message queued under a key is queued once: asking again with the same key adds nothing. */
  dedupeKey?: string | null;
}

/** The boundary check of a request (enqueue.ts): an address or a phone, known words, string params. */
export const notificationRequestSchema = z
  .object({
    clinicId: z.uuid(),
    accountId: z.uuid().nullable(),
    applicationId: z.uuid().nullish(),
    channel: z.enum(notificationChannels),
    to: z.string().min(3).max(320),
    template: z.enum(notificationTemplates),
    params: z.record(z.string(), z.string().max(4000)),
    dedupeKey: z.string().min(1).max(200).nullish(),
  })
  .superRefine((value, ctx) => {
    const ok = value.channel === 'sms' ? /^\+[1-9]\d{6,14}$/.test(value.to) : /^[^\s@<>]+@[^\s@<>]+$/.test(value.to);
    if (!ok) ctx.addIssue({ code: 'custom', path: ['to'], message: `not a ${value.channel} recipient` });
  });

/** SMTP and the SMS gateway as the server is configured (server/config.ts). */
export interface NotificationTransports {
  /** `smtp://user:pass@host:port` or `smtps://…`; without it e-mails go to `mailDropDir`. */
  smtpUrl?: string;
  /** The sender: `"Поликлиника" <noreply@clinic.ru>`. */
  mailFrom: string;
  /** The SMS gateway's HTTP endpoint and its bearer token; without them SMS go to `mailDropDir`. */
  smsGatewayUrl?: string;
  smsGatewayToken?: string;
  /** For a development server with neither: messages are written here (mode 0600), never logged. */
  mailDropDir?: string;
}
