import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';
import type { ErrorCode } from '../../shared/errors/catalog';
import type { NotificationTransports } from './notification-types';
import type { MailAttachment } from './template-parts';

/** One message on its way out; `id` is the outbox row's, the message's idempotency key. */
export interface OutgoingEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Files that go with it (an appointment's `.ics`). */
  attachments?: readonly MailAttachment[];
}

export interface OutgoingSms {
  id: string;
  to: string;
  text: string;
}

/** A send that did not go: its code, and whether trying again could help. */
export class SendError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly permanent: boolean,
  ) {
    super(code);
  }
}

export interface Senders {
  /** Resolves with the provider's id of the message once it is accepted. */
  email(message: OutgoingEmail): Promise<string>;
  sms(message: OutgoingSms): Promise<string>;
  close(): void;
}

/** A send must end well before the row's lease does, or another instance could send it again. */
export const sendTimeoutMs = 30_000;

/** The Message-ID of an outbox row: a retry of the same row is recognisably the same message. */
export function messageIdOf(rowId: string, mailFrom: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'medcard.invalid';
  return `<${rowId}@${domain}>`;
}

function smtpError(error: unknown): SendError {
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  const rejected = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
  return new SendError(rejected ? 'notification.smtp.rejected' : 'notification.smtp.unavailable', rejected);
}

const gatewayAnswer = z.object({ id: z.union([z.string(), z.number()]).optional() }).loose();

/** 4xx but a timeout, a conflict (the same key still in flight) and throttling: the gateway will not take it. */
function smsRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429;
}

async function dropFile(dir: string, name: string, content: string | Buffer): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(join(dir, name), content, { mode: 0o600 });
  } catch {
    throw new SendError('notification.drop.failed', false);
  }
}

/**
 * The server's transports: SMTP (nodemailer, pooled) and the SMS gateway (HTTP POST JSON with a
 * bearer token and the row id as `idempotency-key`); without them, files in `mailDropDir`
 * (`<id>.eml`, `<id>.sms.txt`, mode 0600), named by the row so a retry overwrites, never adds.
 * One SMTP connection per message sent at once (the worker's concurrency).
 */
export function openSenders(transports: NotificationTransports, smtpConnections = 8): Senders {
  const smtp: Transporter | undefined = transports.smtpUrl
    ? nodemailer.createTransport({
        url: transports.smtpUrl,
        pool: true,
        maxConnections: smtpConnections,
        connectionTimeout: sendTimeoutMs,
        greetingTimeout: sendTimeoutMs,
        socketTimeout: sendTimeoutMs,
        logger: false,
      })
    : undefined;
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const dropDir = transports.mailDropDir ?? join('.medcard', 'mail-drop');

  return {
    async email(message) {
      const mail = {
        from: transports.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: messageIdOf(message.id, transports.mailFrom),
        ...(message.attachments?.length
          ? {
              attachments: message.attachments.map((file) => ({
                filename: file.filename,
                content: file.content,
                contentType: file.contentType,
              })),
            }
          : {}),
      };
      if (!smtp) {
        const info = (await composer.sendMail(mail)) as { message: Buffer };
        await dropFile(dropDir, `${message.id}.eml`, info.message);
        return mail.messageId;
      }
      try {
        const info = (await smtp.sendMail(mail)) as { messageId?: string };
        return info.messageId ?? mail.messageId;
      } catch (error) {
        throw smtpError(error);
      }
    },
    async sms(message) {
      if (!transports.smsGatewayUrl) {
        await dropFile(dropDir, `${message.id}.sms.txt`, `To: ${message.to}\n\n${message.text}\n`);
        return message.id;
      }
      let response: Response;
      try {
        response = await fetch(transports.smsGatewayUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${transports.smsGatewayToken ?? ''}`,
            'idempotency-key': message.id,
          },
          body: JSON.stringify({ id: message.id, to: message.to, text: message.text }),
          signal: AbortSignal.timeout(sendTimeoutMs),
        });
      } catch {
        throw new SendError('notification.sms.unavailable', false);
      }
      if (!response.ok) {
        await response.body?.cancel();
        const refused = smsRefusal(response.status);
        throw new SendError(refused ? 'notification.sms.rejected' : 'notification.sms.unavailable', refused);
      }
      const answer = gatewayAnswer.safeParse(await response.json().catch(() => ({})));
      const id = answer.success ? answer.data.id : undefined;
      return id === undefined ? message.id : String(id);
    },
    close() {
      smtp?.close();
    },
  };
}
