import { AppError } from '../shared/errors/app-error';
import { localize } from '../shared/errors/catalog';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openAdminChannel } from './admin/serve-admin';
import { buildServer } from './app';
import { readCabinetConfig } from './cabinet/cabinet-config';
import { loadBlobKey } from './blobs/blob-key';
import { readConfig } from './config';
import { openServerDb } from './db/open';

/** `npm run server`: PGlite in MEDCARD_SERVER_DATA by default, PostgreSQL with DATABASE_URL. */
async function main(): Promise<void> {
  const config = readConfig();
  const db = await openServerDb(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  let blobKey: Buffer;
  try {
    blobKey = loadBlobKey(config.blobKey);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const cabinet = readCabinetConfig(process.env, {
    host: config.host,
    port: config.port,
    tls: Boolean(config.https),
    dataDir: config.dataDir,
  });
  // `npm run server` builds the cabinet's pages first; a server started without them serves the API alone.
  const pagesRoot = resolve(import.meta.dirname, '..', 'dist', 'portal');
  const app = await buildServer({
    db,
    blobKey,
    log: { level: config.logLevel },
    trustProxy: config.trustProxy,
    ...(config.portalToken ? { portalToken: config.portalToken } : {}),
    rateLimit: config.rateLimitPerMinute === 0 ? false : { max: config.rateLimitPerMinute, timeWindowMs: 60_000 },
    ...(config.https ? { https: config.https } : {}),
    cabinet: { ...cabinet, ...(existsSync(join(pagesRoot, 'index.html')) ? { pagesRoot } : {}) },
  });
  const loopback = config.host === '127.0.0.1' || config.host === '::1' || config.host === 'localhost';
  if (!config.https && !loopback) {
    app.log.warn('listening beyond this machine without TLS: put a TLS proxy in front or set MEDCARD_TLS_CERT/KEY');
  }
  const address = await app.listen({ host: config.host, port: config.port });
  // `medcard-server` commands reach this running server here (server/admin/).
  const admin = await openAdminChannel({ db, blobKey, dataDir: config.dataDir, log: app.log });
  app.log.info(
    {
      address,
      database: config.databaseUrl ? 'postgresql' : `pglite:${config.dataDir}`,
      tls: Boolean(config.https),
      cabinet: cabinet.publicUrl,
    },
    'medcard server ready',
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    Promise.resolve(admin?.close())
      .then(() => app.close())
      .then(() => db.destroy())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof AppError) {
    const text = localize(error.code, error.params);
    process.stderr.write(`${text.ru}\n${text.en}\n(${error.code})\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
