import { createServer, type AddressInfo } from 'node:net';
import type { Mutation } from '../../shared/sync/protocol';
import type { ProvenSession } from '../../shared/sync/session-proof';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { buildServer, type ServerOptions } from '../../server/app';
import { openServerDb } from '../../server/db/open';
import { openTestDb, testBlobKey } from '../server/support/test-server';
import { createEnrolCode } from '../../server/devices/enrol-codes';
import { createScanVault, scanVaultDir } from '../../electron/services/scans/scan-vault';
import { createBlobSync } from '../../electron/sync/blob-sync';
import { enrolDesk } from '../../electron/sync/enrol-desk';
import { httpTransport } from '../../electron/sync/http-transport';
import { privateKeyFromBase64 } from '../../electron/sync/request-signer';
import { syncCycle } from '../../electron/sync/sync-cycle';
import { SyncUnreachableError, type SyncTransport } from '../../electron/sync/sync-transport';
import { updateRecord } from '../../electron/store/record-door';
import { testPortalToken } from '../support/portal-client';
import { openTempDesk, type TempDesk } from '../support/temp-desk';
import { actAsClerk } from './clinic-staff';

export interface SyncServer {
  url: string;
  db: Knex;
  app: FastifyInstance;
  enrolCode(): Promise<string>;
  /** Stops the HTTP server only; the database stays (a crash and restart of the server). */
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface SyncServerOptions {
  /** Server options that need the server's own address (the cabinet's public URL), chosen before it listens. */
  extra?: (url: string) => Partial<ServerOptions>;
  /** The embedded PGlite even when DATABASE_URL is set: the database `npm run server` runs on. */
  embedded?: boolean;
  /** The port to listen on (`freePort()`), when something must know the address before the server starts. */
  port?: number;
}

/** A free loopback port, chosen before the server listens so that options may name its address. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

/**
 * The real server on a real database of its own: PGlite in memory, or a fresh PostgreSQL
 * database when DATABASE_URL is set (dropped at stop).
 */
export async function startSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
  const testDb = options.embedded ? await openEmbeddedDb() : await openTestDb();
  const db = testDb.db;
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const build = () =>
    buildServer({
      db,
      rateLimit: false,
      heartbeatMs: 1_000,
      blobKey: testBlobKey,
      portalToken: testPortalToken,
      ...options.extra?.(url),
    });
  let app = await build();
  await app.listen({ host: '127.0.0.1', port });
  const server: SyncServer = {
    url,
    db,
    get app() {
      return app;
    },
    enrolCode: async () => (await createEnrolCode(db, { now: new Date() })).code,
    kill: async () => {
      await app.close();
    },
    restart: async () => {
      app = await build();
      await app.listen({ host: '127.0.0.1', port });
    },
    stop: async () => {
      await app.close().catch(() => undefined);
      await testDb.cleanup();
    },
  };
  return server;
}

async function openEmbeddedDb(): Promise<{ db: Knex; cleanup(): Promise<void> }> {
  const db = await openServerDb({});
  return { db, cleanup: () => db.destroy() };
}

/** A fault the test can switch on a desk's network. */
export type NetworkFault = 'none' | 'down' | 'lose-responses' | 'duplicate-requests';

/** A transport that loses, duplicates or refuses traffic on demand, around the real HTTP one. */
export class FaultyTransport implements SyncTransport {
  fault: NetworkFault = 'none';
  requests = 0;
  /** Cuts the network once this many more requests went through (a cable pulled mid-sync). */
  cutAfter: number | null = null;
  constructor(private readonly inner: SyncTransport) {}

  get server(): string {
    return this.inner.server;
  }

  /** The health report goes as the worker sends it, untouched by the faults (best effort anyway). */
  get health(): SyncTransport['health'] {
    return this.inner.health;
  }

  private async send<T>(call: () => Promise<T>): Promise<T> {
    this.requests += 1;
    if (this.cutAfter !== null && this.cutAfter-- <= 0) {
      this.cutAfter = null;
      this.fault = 'down';
    }
    switch (this.fault) {
      case 'down':
        throw new SyncUnreachableError('network cut (test)');
      case 'lose-responses':
        await call();
        throw new SyncUnreachableError('response lost (test)');
      case 'duplicate-requests':
        await call();
        return call();
      default:
        return call();
    }
  }

  /** Every push this desk sent, so a test can deliver an old one again, late and out of order. */
  readonly sentPushes: { mutations: Mutation[]; sessions: readonly ProvenSession[] }[] = [];

  push: SyncTransport['push'] = (mutations, sessions = []) => {
    this.sentPushes.push({ mutations, sessions });
    return this.send(() => this.inner.push(mutations, sessions));
  };

  /** Delivers an earlier request again, as a network that delayed and reordered it would. */
  replay(index: number): ReturnType<SyncTransport['push']> {
    const sent = this.sentPushes[index];
    return this.inner.push(sent?.mutations ?? [], sent?.sessions ?? []);
  }
  pull: SyncTransport['pull'] = (since, limit) => this.send(() => this.inner.pull(since, limit));
  snapshot: SyncTransport['snapshot'] = (after, upTo, limit) =>
    this.send(() => this.inner.snapshot(after, upTo, limit));
  subscribe: SyncTransport['subscribe'] = (onChange, signal) => this.inner.subscribe(onChange, signal);
  blobStatus: SyncTransport['blobStatus'] = (sha256) => this.send(() => this.inner.blobStatus(sha256));
  putBlobChunk: SyncTransport['putBlobChunk'] = (sha256, offset, bytes, complete) =>
    this.send(() => this.inner.putBlobChunk(sha256, offset, bytes, complete));
  getBlob: SyncTransport['getBlob'] = (sha256, from, to) => this.send(() => this.inner.getBlob(sha256, from, to));
}

export interface SyncDesk extends TempDesk {
  name: string;
  transport: FaultyTransport;
  /** One push-and-pull round, as the worker does it. */
  sync(): Promise<void>;
}

/**
 * A push of 500 mutations is 500 serial transactions on the server, each checked against its
 * staff records; with the server and sync suites sharing two cores on PostgreSQL one has taken
 * over 10 s. These tests are about what arrives, not how fast (the benches measure that).
 */
const pushTimeoutMs = 60_000;

/**
 * A workstation core (real SQLCipher file) enrolled with the server by a one-time code, working
 * as a clerk of its own whose account the server already has (see `actAsClerk`), unless
 * `clerk: false` (a desk where the test sets staff up through the services).
 */
export async function openSyncDesk(
  server: Pick<SyncServer, 'url' | 'enrolCode'>,
  name: string,
  servers: string[] = [server.url],
  options: {
    clerk?: boolean;
    /** What happens on the desk before it is enrolled (a clinic's first admin is made there, not after). */
    beforeEnrol?: (desk: TempDesk) => Promise<void>;
  } = {},
): Promise<SyncDesk> {
  const desk = await openTempDesk();
  await options.beforeEnrol?.(desk);
  const identity = await enrolDesk(desk.store, { servers, code: await server.enrolCode(), name });
  const http = () =>
    httpTransport({
      servers: identity.servers,
      deviceId: identity.deviceId,
      privateKey: privateKeyFromBase64(identity.privateKey),
      timeoutMs: pushTimeoutMs,
    });
  // Its own transport, so that the test's sees (and counts) only what the test does.
  if (options.clerk !== false) await actAsClerk(server, desk, http());
  const transport = new FaultyTransport(http());
  // The worker's files: the same vault the desk's scan calls write, fetched into and sent from.
  const blobs = createBlobSync(
    desk.store,
    transport,
    createScanVault({ dir: scanVaultDir(desk.dbPath), storeKey: desk.key }),
  );
  return {
    ...desk,
    name,
    transport,
    sync: async () => {
      await syncCycle(desk.store, transport, desk.ctx.actor, () => undefined, blobs);
    },
  };
}

/** The patients a desk holds, as comparable plain data. */
export function patientsOf(desk: TempDesk): Record<string, unknown>[] {
  return desk.store.transaction((tx) =>
    tx.all<Record<string, unknown>>(
      `SELECT id, version, surname, name, patronymic, birth_date, sex, snils, enp, phone, email, deleted_at
         FROM patients ORDER BY id`,
    ),
  );
}

/** Changes a patient through the same door the services use (history, audit, outbox). */
export function editPatient(desk: TempDesk, id: string, fields: Record<string, string | null>): void {
  desk.store.transaction((tx) =>
    updateRecord(
      { tx, actor: desk.ctx.actor, at: desk.ctx.clock.now().toISOString() },
      'patients.write',
      'patients',
      id,
      fields,
      {
        action: 'patients.update',
        patientId: id,
      },
    ),
  );
}

export async function createPatientAt(desk: TempDesk, input: Parameters<TempDesk['dispatch']>[1]): Promise<string> {
  const result = await desk.dispatch('patients.create', input);
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result.error)}`);
  return (result.data as { id: string }).id;
}

export function pendingOutbox(desk: TempDesk): number {
  return desk.count('sync_outbox', "status = 'pending'");
}
