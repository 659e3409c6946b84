import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../shared/errors/app-error';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//)
    .optional(),
  MEDCARD_SERVER_DATA: z.string().min(1).default('./.medcard/server'),
  MEDCARD_SERVER_HOST: z.string().min(1).default('127.0.0.1'),
  MEDCARD_SERVER_PORT: z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number)
    .default(4790),
  MEDCARD_TLS_CERT: z.string().min(1).optional(),
  MEDCARD_TLS_KEY: z.string().min(1).optional(),
  MEDCARD_SERVER_BLOB_KEY: z.string().optional(),
  MEDCARD_SERVER_BLOB_KEY_FILE: z.string().min(1).optional(),
  MEDCARD_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** Requests per minute from one address; 0 turns the limit off (a benchmark on loopback). */
  MEDCARD_SERVER_RATE_LIMIT: z
    .string()
    .regex(/^\d{1,7}$/)
    .transform(Number)
    .default(3000),
  /** The patients' portal's bearer token: printable ASCII, at least 32 characters. */
  MEDCARD_PORTAL_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{32,512}$/)
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ServerConfig {
  databaseUrl: string | undefined;
  /** The embedded database's folder (also where its blob key file lives). */
  dataDir: string;
  host: string;
  port: number;
  https: { cert: Buffer; key: Buffer } | undefined;
  blobKey: { hex?: string; file?: string; dataDir?: string };
  trustProxy: boolean;
  /** Requests per minute from one address, or 0 for none. */
  rateLimitPerMinute: number;
  /** The patients' portal's token; the portal's routes refuse every request without one. */
  portalToken: string | undefined;
  logLevel: string;
}

/** The server's settings, from the environment; a wrong one is named, not guessed around. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new AppError('server.config', { params: { name: parsed.error.issues[0]?.path.join('.') ?? '?' } });
  }
  const values = parsed.data;
  if ((values.MEDCARD_TLS_CERT === undefined) !== (values.MEDCARD_TLS_KEY === undefined)) {
    throw new AppError('server.config', { params: { name: 'MEDCARD_TLS_CERT + MEDCARD_TLS_KEY' } });
  }
  const dataDir = resolve(values.MEDCARD_SERVER_DATA);
  return {
    databaseUrl: values.DATABASE_URL,
    dataDir,
    host: values.MEDCARD_SERVER_HOST,
    port: values.MEDCARD_SERVER_PORT,
    https:
      values.MEDCARD_TLS_CERT && values.MEDCARD_TLS_KEY
        ? { cert: readFileSync(values.MEDCARD_TLS_CERT), key: readFileSync(values.MEDCARD_TLS_KEY) }
        : undefined,
    blobKey: {
      ...(values.MEDCARD_SERVER_BLOB_KEY ? { hex: values.MEDCARD_SERVER_BLOB_KEY } : {}),
      ...(values.MEDCARD_SERVER_BLOB_KEY_FILE ? { file: values.MEDCARD_SERVER_BLOB_KEY_FILE } : {}),
      // Only the embedded database makes its own key file; PostgreSQL instances must share one.
      ...(values.DATABASE_URL ? {} : { dataDir }),
    },
    trustProxy: values.MEDCARD_TRUST_PROXY === '1',
    rateLimitPerMinute: values.MEDCARD_SERVER_RATE_LIMIT,
    portalToken: values.MEDCARD_PORTAL_TOKEN,
    logLevel: values.LOG_LEVEL,
  };
}
