import { randomBytes } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Knex } from 'knex';
import { registerAuditRoutes } from './audit/audit-routes';
import { requireDeviceSignature } from './auth/device-auth';
import { applicationRules } from './cabinet/applications/application-rule';
import { registerDeskApplicationRoutes } from './cabinet/applications/desk-application-routes';
import { registerCabinet, type CabinetOptions } from './cabinet/register-cabinet';
import { deriveTicketKey } from './auth/ticket-key';
import { pruneNonces } from './auth/nonces';
import { checkBlobKey } from './blobs/blob-key';
import { registerBlobRoutes } from './blobs/blob-routes';
import { defaultUploadLimits, sweepExpiredUploads, type UploadLimits } from './blobs/upload-limits';
import { registerEnrolRoute } from './devices/enrol-route';
import { registerDeviceHealthRoutes } from './monitoring/device-health-routes';
import { registerMonitoring } from './monitoring/register-monitoring';
import { healthThresholdsRule } from './monitoring/thresholds-rule';
import { chartRules } from './chart/chart-rules';
import { appointmentRules } from './appointments/appointment-rules';
import { chartAccessRules } from './rights/chart-access-rules';
import { recordRequestRules } from './rights/record-request-rules';
import { incidentRules } from './incidents/incident-rules';
import { dictionaryReleaseRule } from './dictionaries/release-rule';
import { installErrorHandling } from './http/error-handler';
import { loggerOptions, type LogOption } from './http/logger';
import { installBodyParsers } from './http/raw-body';
import { yubikeySecretsKey } from './otp/secret-box';
import { registerYubikeyVerifyRoute } from './otp/verify-route';
import { contactChangeRules } from './patients/contact-change-rule';
import { onlineIdentityRule } from './portal/online-identity-rule';
import { registerPortalRoutes } from './portal/portal-routes';
import { staffLoginRule } from './staff/login-rule';
import { factorKeys } from './staff/second-factors/factor-keys';
import { registerSecondFactorRoutes } from './staff/second-factors/second-factor-routes';
import { sealLegacyTotpSecrets } from './staff/second-factors/server-totp';
import { startChangeFeed } from './sync/change-feed';
import { ChangeHub } from './sync/change-hub';
import { registerEventsRoute } from './sync/events-route';
import { registerSyncRoutes } from './sync/sync-routes';
import { defaultRpIds } from './sync/proof/statement-proof';
import { TableRules } from './sync/table-rules';
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
  /** The WebAuthn RP ids the desks' keys sign for (server/sync/proof/); `desk` and `localhost` by default. */
  webauthnRpIds?: readonly string[];
  /** The clock (tests fix it to check expiry and clock skew). */
  now?: () => Date;
  /** Requests per IP and window; false turns limiting off (tests). */
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** SSE heartbeat interval. */
  heartbeatMs?: number;
  /** The largest blob accepted; the protocol's blobMaxBytes (50 MiB) unless lowered (tests). */
  blobMaxBytes?: number;
  /**
   * Behind a reverse proxy: whose X-Forwarded-For to believe for the client's address — the
   * proxies' addresses or CIDR ranges (best), or a hop count (only when nothing reaches the server
   * but through the proxy). Never `true`: that would believe anyone's header (config.ts refuses it).
   */
  trustProxy?: number | readonly string[];
  /** Unfinished blob uploads per device: how many, how many bytes, when they expire (tests lower them). */
  blobUploads?: Partial<UploadLimits>;
  /** The patients' portal's bearer token (MEDCARD_PORTAL_TOKEN); without it /v1/portal refuses all. */
  portalToken?: string;
  /** The metrics bearer token's file, mode 0600 (MEDCARD_METRICS_TOKEN_FILE); without it /metrics is loopback only. */
  metricsTokenFile?: string;
  /** The health alert pass's interval (a minute by default); false: none (tests run it themselves). */
  healthAlertIntervalMs?: number | false;
  /** The patient cabinet (issue 11): its API, pages and background work; not served when absent. */
  cabinet?: Omit<CabinetOptions, 'db' | 'now' | 'masterKey' | 'rateLimit'>;
}

/**
 * Fastify's trustProxy: off, the trusted proxies' addresses, or a hop count (never "trust all").
 * This Fastify fails a bare number closed (it trusts nobody), so a hop count is a function: the
 * nearest `hops` addresses are believed whatever they are — safe only when nothing reaches the
 * server but through the proxies.
 */
function trustProxyOption(
  trust: number | readonly string[] | undefined,
): string[] | ((address: string, hop: number) => boolean) | false {
  if (trust === undefined || trust === 0 || (Array.isArray(trust) && trust.length === 0)) return false;
  if (typeof trust === 'number') {
    if (!Number.isSafeInteger(trust) || trust < 0) throw new Error(`trustProxy: a hop count, got ${trust}`);
    return (_address, hop) => hop < trust;
  }
  return [...(trust as readonly string[])];
}

/** Push bodies: 500 mutations with room to spare; anything larger is refused with 413. */
export const pushBodyLimit = 5 * 1024 * 1024;

let processBlobKey: Buffer | undefined;

/**
 * Which feature rules judge desks' writes to each table (server/sync/table-rules.ts): a feature
 * with a table of its own adds its rule here, and sync stays unaware of it.
 */
export function tableRules(): TableRules {
  return new TableRules([
    staffLoginRule,
    dictionaryReleaseRule,
    onlineIdentityRule,
    ...applicationRules,
    ...contactChangeRules,
    ...chartRules,
    ...appointmentRules,
    ...recordRequestRules,
    ...chartAccessRules,
    ...incidentRules,
    healthThresholdsRule,
  ]);
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
  const secondFactorKeys = factorKeys(blobKey);
  // TOTP secrets migration 0006 took out of the synced rows are sealed before anything is served.
  await sealLegacyTotpSecrets(db, secondFactorKeys.sealKey);
  const serverId = await db('server_meta').where({ key: 'server_id' }).first<{ value: string }>('value');
  if (!serverId) throw new Error('The server database has no server_id: were the migrations run?');

  const serverOptions: FastifyServerOptions & { https?: object } = {
    logger: loggerOptions(options.log),
    bodyLimit: pushBodyLimit,
    trustProxy: trustProxyOption(options.trustProxy),
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

  // Monitoring first: its hooks count every route registered after it.
  const hub = new ChangeHub();
  const feed = await startChangeFeed(db, hub, app.log);
  const metrics = registerMonitoring(app, {
    db,
    now,
    feedUp: () => feed.up(),
    metricsTokenFile: options.metricsTokenFile ?? process.env.MEDCARD_METRICS_TOKEN_FILE,
    alertIntervalMs: options.healthAlertIntervalMs,
  });

  registerEnrolRoute(app, { db, now, serverId: serverId.value });
  // YubiKey OTP (A2): YK-VAL clients sign with their own API key, not the /v1 device signature.
  registerYubikeyVerifyRoute(app, { db, now, secretsKey: yubikeySecretsKey(blobKey) });

  const cabinet: CabinetOptions | undefined = options.cabinet && {
    ...options.cabinet,
    db,
    now,
    masterKey: blobKey,
    rateLimit: options.rateLimit !== false,
  };
  const uploads: UploadLimits = { ...defaultUploadLimits, ...options.blobUploads };
  await app.register(
    async (signed) => {
      requireDeviceSignature(signed, { db, now });
      registerSyncRoutes(signed, {
        db,
        now,
        rules: tableRules(),
        proofs: { ticketKey: deriveTicketKey(blobKey), rpIds: options.webauthnRpIds ?? defaultRpIds },
      });
      registerAuditRoutes(signed, { db, now });
      registerDeviceHealthRoutes(signed, { db, now, metrics });
      registerSecondFactorRoutes(signed, {
        db,
        now,
        keys: secondFactorKeys,
        verifier: { ticketKey: deriveTicketKey(blobKey), rpIds: options.webauthnRpIds ?? defaultRpIds },
      });
      if (cabinet) registerDeskApplicationRoutes(signed, cabinet);
      registerEventsRoute(signed, { db, hub, heartbeatMs: options.heartbeatMs ?? 15_000 });
      registerBlobRoutes(signed, {
        db,
        key: blobKey,
        now,
        maxBytes: options.blobMaxBytes ?? blobMaxBytes,
        uploads,
      });
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

  if (cabinet) await registerCabinet(app, cabinet);

  // Any instance may prune; deleting what another already deleted is harmless.
  const pruning = setInterval(() => {
    pruneNonces(db, now()).catch((error: unknown) => app.log.warn({ err: error }, 'nonce pruning failed'));
    sweepExpiredUploads(db, now(), uploads).catch((error: unknown) =>
      app.log.warn({ err: error }, 'sweeping expired uploads failed'),
    );
  }, 60_000);
  pruning.unref();
  app.addHook('onClose', async () => {
    clearInterval(pruning);
    await feed.stop();
  });
  return app;
}
