import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
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
  MEDCARD_TRUST_PROXY: z.string().default('0'),
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
  /** Whose X-Forwarded-For to believe: a hop count or the proxies' addresses/CIDRs; 0 for nobody's. */
  trustProxy: number | string[];
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
    trustProxy: parseTrustProxy(values.MEDCARD_TRUST_PROXY),
    rateLimitPerMinute: values.MEDCARD_SERVER_RATE_LIMIT,
    portalToken: values.MEDCARD_PORTAL_TOKEN,
    logLevel: values.LOG_LEVEL,
  };
}

/**
 * MEDCARD_TRUST_PROXY: `0` (the default: the peer's own address), a hop count (`1`: the nearest
 * proxy appends the client; only when nothing reaches the server but through it), or the
 * proxies' addresses and CIDR ranges, comma-separated (`10.0.0.5,10.1.0.0/16`): their
 * X-Forwarded-For is believed, anyone else's ignored. `true` (believe anybody's header) is refused.
 */
export function parseTrustProxy(value: string): number | string[] {
  const text = value.trim();
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  if (text !== '' && entries.every(isAddressOrRange)) return entries;
  throw new AppError('server.trust_proxy', { params: { value: text.slice(0, 64) } });
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
