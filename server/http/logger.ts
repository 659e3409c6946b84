import type { FastifyServerOptions } from 'fastify';

/**
 * What a log line may never carry: signatures, nonces, credentials, bodies. Fastify does not
 * log headers or bodies by default; the redaction is a second lock in case a serializer or a
 * future log call does.
 */
const redact = [
  'req.headers["x-medcard-signature"]',
  'req.headers["x-medcard-nonce"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  'request.headers["x-medcard-signature"]',
  'request.headers["x-medcard-nonce"]',
  'request.body',
  'body',
  'headers["x-medcard-signature"]',
  'headers["x-medcard-nonce"]',
];

/** true for info-level logs, or pino options (as Fastify's `logger` takes them). */
export type LogOption = boolean | object;

export function loggerOptions(log: LogOption | undefined): FastifyServerOptions['logger'] {
  if (!log) return false;
  const base: Record<string, unknown> = log === true ? { level: 'info' } : { ...log };
  const extra = Array.isArray(base.redact) ? (base.redact as string[]) : [];
  return { ...base, redact: { paths: [...redact, ...extra], censor: '[redacted]' } };
}
