import { randomBytes } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Knex } from 'knex';
import { requireDeviceSignature } from './auth/device-auth';
import { pruneNonces } from './auth/nonces';
import { checkBlobKey } from './blobs/blob-key';
import { registerBlobRoutes } from './blobs/blob-routes';
import { registerEnrolRoute } from './devices/enrol-route';
import { dictionaryReleaseRule } from './dictionaries/release-rule';
import { installErrorHandling } from './http/error-handler';
import { loggerOptions, type LogOption } from './http/logger';
import { installBodyParsers } from './http/raw-body';
import { yubikeySecretsKey } from './otp/secret-box';
import { registerYubikeyVerifyRoute } from './otp/verify-route';
import { onlineIdentityRule } from './portal/online-identity-rule';
import { registerPortalRoutes } from './portal/portal-routes';
import { staffLoginRule } from './staff/login-rule';
import { startChangeFeed } from './sync/change-feed';
import { ChangeHub } from './sync/change-hub';
import { registerEventsRoute } from './sync/events-route';
import { registerSyncRoutes } from './sync/sync-routes';
import { TableRules } from './sync/table-rules';
import { serverVersion } from './version';
import { blobMaxBytes } from '../shared/sync/protocol';

export interface ServerOptions {
  db: Knex;
  /** true for info-level JSON logs, or pino options; bodies and signature headers are never logged. */
  log?: LogOption;
  /** Serve HTTPS (TLS 1.3 only) with this certificate and key (PEM). */
  https?: { cert: Buffer | string; key: Buffer | string };
  /**
   * AES-256 key for blobs at rest. main.ts always passes one (env or key file); without it a
   * random key for this process is used — fine for tests, useless for data that must outlive it.
   */
  blobKey?: Buffer;
  /** The clock (tests fix it to check expiry and clock skew). */
  now?: () => Date;
  /** Requests per IP and window; false turns limiting off (tests). */
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** SSE heartbeat interval. */
  heartbeatMs?: number;
  /** The largest blob accepted; the protocol's blobMaxBytes (50 MiB) unless lowered (tests). */
  blobMaxBytes?: number;
  /** Behind a reverse proxy: trust X-Forwarded-For for the client's address. */
  trustProxy?: boolean;
  /** The patients' portal's bearer token (MEDCARD_PORTAL_TOKEN); without it /v1/portal refuses all. */
  portalToken?: string;
}

/** Push bodies: 500 mutations with room to spare; anything larger is refused with 413. */
export const pushBodyLimit = 5 * 1024 * 1024;

let processBlobKey: Buffer | undefined;

/**
 * Which feature rules judge desks' writes to each table (server/sync/table-rules.ts): a feature
 * with a table of its own adds its rule here, and sync stays unaware of it.
 */
export function tableRules(): TableRules {
  return new TableRules([staffLoginRule, dictionaryReleaseRule, onlineIdentityRule]);
}

/**
 * The central server as a Fastify instance, not yet listening. Holds no state between requests
 * beyond the SSE client list: nonces, codes and results live in the database, so any number of
 * instances can serve one database.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  if (options.blobKey) await checkBlobKey(db, options.blobKey);
  const blobKey = options.blobKey ?? (processBlobKey ??= randomBytes(32));
  const serverId = await db('server_meta').where({ key: 'server_id' }).first<{ value: string }>('value');
  if (!serverId) throw new Error('The server database has no server_id: were the migrations run?');

  const serverOptions: FastifyServerOptions & { https?: object } = {
    logger: loggerOptions(options.log),
    bodyLimit: pushBodyLimit,
    trustProxy: options.trustProxy ?? false,
    exposeHeadRoutes: false,
  };
  if (options.https) serverOptions.https = { ...options.https, minVersion: 'TLSv1.3' };
  const app = fastify(serverOptions) as unknown as FastifyInstance;

  installErrorHandling(app);
  installBodyParsers(app);
  await app.register(helmet, { global: true });
  if (options.rateLimit !== false) {
    const limit = options.rateLimit ?? { max: 3000, timeWindowMs: 60_000 };
    await app.register(rateLimit, { global: true, max: limit.max, timeWindow: limit.timeWindowMs });
  }

  app.get('/health', async (_request, reply) => {
    try {
      await db.raw('SELECT 1');
      return { ok: true, db: 'ok', version: serverVersion };
    } catch (error) {
      app.log.error({ err: error }, 'health check: database unreachable');
      return reply.code(503).send({ ok: false, db: 'error', version: serverVersion });
    }
  });

  registerEnrolRoute(app, { db, now, serverId: serverId.value });
  // YubiKey OTP (A2): YK-VAL clients sign with their own API key, not the /v1 device signature.
  registerYubikeyVerifyRoute(app, { db, now, secretsKey: yubikeySecretsKey(blobKey) });

  const hub = new ChangeHub();
  const feed = await startChangeFeed(db, hub, app.log);
  await app.register(
    async (signed) => {
      requireDeviceSignature(signed, { db, now });
      registerSyncRoutes(signed, { db, now, rules: tableRules() });
      registerEventsRoute(signed, { db, hub, heartbeatMs: options.heartbeatMs ?? 15_000 });
      registerBlobRoutes(signed, { db, key: blobKey, now, maxBytes: options.blobMaxBytes ?? blobMaxBytes });
    },
    { prefix: '/v1' },
  );
  // The patients' portal (B6) holds a token of its own, not a desk's key.
  await app.register(
    async (portal) => {
      registerPortalRoutes(portal, { db, now, token: options.portalToken });
    },
    { prefix: '/v1/portal' },
  );

  // Any instance may prune; deleting what another already deleted is harmless.
  const pruning = setInterval(() => {
    pruneNonces(db, now()).catch((error: unknown) => app.log.warn({ err: error }, 'nonce pruning failed'));
  }, 60_000);
  pruning.unref();
  app.addHook('onClose', async () => {
    clearInterval(pruning);
    await feed.stop();
  });
  return app;
}
