import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { defaultDeadlineSettings } from '../../shared/domain/application';
import { AppError } from '../../shared/errors/app-error';
import type { ServerOptions } from '../app';

const hours = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number)
  .refine((value) => value >= 1 && value <= 120);

const envSchema = z.object({
  /** The cabinet's address as patients reach it (links in messages); default the server's own. */
  MEDCARD_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The clinic's video service: a remote visit opens `<this>/<room>` (`https://video.clinic.ru/room`). */
  MEDCARD_VIDEO_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  MEDCARD_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/)
    .optional(),
  /** A 0600 file holding the SMTP URL (it carries the password): preferred to the variable. */
  MEDCARD_SMTP_URL_FILE: z.string().min(1).optional(),
  MEDCARD_MAIL_FROM: z.string().min(3).max(200).default('"Медкарта" <noreply@medcard.local>'),
  MEDCARD_SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** A 0600 file holding the gateway's bearer token. */
  MEDCARD_SMS_GATEWAY_TOKEN_FILE: z.string().min(1).optional(),
  MEDCARD_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  MEDCARD_OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
  /** A 0600 file holding the OIDC client secret. */
  MEDCARD_OIDC_CLIENT_SECRET_FILE: z.string().min(1).optional(),
  MEDCARD_APPLICATION_HOURS: hours.default(defaultDeadlineSettings.ordinaryHours),
  MEDCARD_URGENT_APPLICATION_HOURS: hours.default(defaultDeadlineSettings.urgentHours),
});

/** A secret's file: owner-only (0600 or stricter), its first line. */
function readSecretFile(path: string, name: string): string {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) throw new AppError('server.config', { params: { name: `${name} (mode 0600)` } });
  const value = readFileSync(path, 'utf8').split(/\r?\n/)[0]?.trim() ?? '';
  if (value === '') throw new AppError('server.config', { params: { name } });
  return value;
}

/**
 * The cabinet's settings from the environment (server/README.md lists them). Secrets come from
 * 0600 files, never the command line. Without SMTP or an SMS gateway the messages go to a
 * `mail-drop` folder beside the embedded database (a development server), never to the log.
 */
export function readCabinetConfig(
  env: NodeJS.ProcessEnv,
  server: { host: string; port: number; tls: boolean; dataDir: string },
): NonNullable<ServerOptions['cabinet']> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new AppError('server.config', { params: { name: parsed.error.issues[0]?.path.join('.') ?? '?' } });
  }
  const values = parsed.data;
  const host = server.host.includes(':') ? `[${server.host}]` : server.host;
  const publicUrl = (values.MEDCARD_PUBLIC_URL ?? `${server.tls ? 'https' : 'http'}://${host}:${server.port}`).replace(
    /\/+$/,
    '',
  );
  const smtpUrl = values.MEDCARD_SMTP_URL_FILE
    ? readSecretFile(values.MEDCARD_SMTP_URL_FILE, 'MEDCARD_SMTP_URL_FILE')
    : values.MEDCARD_SMTP_URL;
  const smsGatewayToken = values.MEDCARD_SMS_GATEWAY_TOKEN_FILE
    ? readSecretFile(values.MEDCARD_SMS_GATEWAY_TOKEN_FILE, 'MEDCARD_SMS_GATEWAY_TOKEN_FILE')
    : undefined;
  const oidcNamed = [values.MEDCARD_OIDC_ISSUER, values.MEDCARD_OIDC_CLIENT_ID, values.MEDCARD_OIDC_CLIENT_SECRET_FILE];
  if (oidcNamed.some(Boolean) && !oidcNamed.every(Boolean)) {
    throw new AppError('server.config', {
      params: { name: 'MEDCARD_OIDC_ISSUER + MEDCARD_OIDC_CLIENT_ID + MEDCARD_OIDC_CLIENT_SECRET_FILE' },
    });
  }
  return {
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    ...(values.MEDCARD_VIDEO_BASE_URL ? { videoBaseUrl: values.MEDCARD_VIDEO_BASE_URL.replace(/\/+$/, '') } : {}),
    deadlines: {
      ordinaryHours: values.MEDCARD_APPLICATION_HOURS,
      urgentHours: values.MEDCARD_URGENT_APPLICATION_HOURS,
    },
    transports: {
      mailFrom: values.MEDCARD_MAIL_FROM,
      ...(smtpUrl ? { smtpUrl } : {}),
      ...(values.MEDCARD_SMS_GATEWAY_URL ? { smsGatewayUrl: values.MEDCARD_SMS_GATEWAY_URL } : {}),
      ...(smsGatewayToken ? { smsGatewayToken } : {}),
      mailDropDir: join(server.dataDir, 'mail-drop'),
    },
    ...(values.MEDCARD_OIDC_ISSUER && values.MEDCARD_OIDC_CLIENT_ID && values.MEDCARD_OIDC_CLIENT_SECRET_FILE
      ? {
          oidc: {
            issuer: values.MEDCARD_OIDC_ISSUER,
            clientId: values.MEDCARD_OIDC_CLIENT_ID,
            clientSecret: readSecretFile(values.MEDCARD_OIDC_CLIENT_SECRET_FILE, 'MEDCARD_OIDC_CLIENT_SECRET_FILE'),
            redirectUri: `${publicUrl}/api/cabinet/oidc/callback`,
          },
        }
      : {}),
  };
}
