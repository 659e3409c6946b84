import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll } from 'vitest';
import { buildServer, type ServerOptions } from '../../../server/app';
import { openServerDb } from '../../../server/db/open';
import { createEnrolCode } from '../../../server/devices/enrol-codes';
import { newDeviceKeys, signRequest } from '../../../server/testing/device-client';
import type { Role } from '../../../shared/auth/permissions';
import type { Mutation } from '../../../shared/sync/protocol';
import { deriveTicketKey } from '../../../server/auth/ticket-key';
import { toNumber, toRecord } from '../../../server/db/values';
import {
  entryText,
  maxSessionMs,
  type ProvenSession,
  type SessionStatement,
  type TicketFactor,
} from '../../../shared/sync/session-proof';

/** The suite runs on PGlite unless DATABASE_URL points at a PostgreSQL it may create databases on. */
export const databaseUrl = process.env.DATABASE_URL;
export const onPostgres = databaseUrl !== undefined && databaseUrl !== '';

export interface TestDb {
  db: Knex;
  /** PostgreSQL only: the fresh database's URL, to open more pools (more "instances") on it. */
  url: string | undefined;
  cleanup(): Promise<void>;
}

/**
 * An isolated database for one test file: PGlite in memory, or a fresh PostgreSQL database
 * (dropped afterwards). A database rather than a schema, so that NOTIFY and advisory locks,
 * which are per database, cannot leak between files running in parallel.
 */
export async function openTestDb(): Promise<TestDb> {
  if (!onPostgres) {
    const db = await openServerDb({});
    return { db, url: undefined, cleanup: () => db.destroy() };
  }
  const name = `medcard_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(databaseUrl!);
  url.pathname = `/${name}`;
  const db = await openServerDb({ databaseUrl: url.toString() });
  return {
    db,
    url: url.toString(),
    cleanup: async () => {
      await db.destroy();
      await dropDatabase(name);
    },
  };
}

/**
 * FORCE ends the sessions still on the database; an autovacuum worker among them is one a role
 * without pg_signal_backend may not end (42501), and it leaves by itself: try again shortly.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== '42501' || attempt >= 20) throw error;
      await new Promise((done) => setTimeout(done, 250));
    }
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The same key for every server of a test file, as several instances of one deployment share it. */
export const testBlobKey = randomBytes(32);

export interface TestServer {
  app: FastifyInstance;
  origin: string;
  close(): Promise<void>;
}

/** A real server listening on 127.0.0.1, port chosen by the system. */
export async function startTestServer(db: Knex, options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const app = await buildServer({ db, rateLimit: false, blobKey: testBlobKey, ...options });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, origin: address, close: () => app.close() };
}

/**
 * One server on a database of its own for a test file: opened before the file's tests (its hook
 * runs before the file's own `beforeAll`s, which may enrol desks on it), closed after them.
 */
export function useTestServer(options: () => Partial<ServerOptions> = () => ({})): {
  readonly db: Knex;
  readonly server: TestServer;
} {
  let testDb: TestDb | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    testDb = await openTestDb();
    server = await startTestServer(testDb.db, options());
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await testDb?.cleanup();
  }, 60_000);
  return {
    get db() {
      if (!testDb) throw new Error('useTestServer: the server is opened in beforeAll');
      return testDb.db;
    },
    get server() {
      if (!server) throw new Error('useTestServer: the server is opened in beforeAll');
      return server;
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Buffer;
  json<T = Record<string, unknown>>(): T;
}

async function toReply(response: Response): Promise<Reply> {
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    body,
    json: <T>() => JSON.parse(body.toString('utf8')) as T,
  };
}

export interface SendOptions {
  body?: unknown;
  /** Raw bytes instead of JSON (blobs, malformed payloads). */
  raw?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Signing overrides, to forge bad requests. */
  sign?: { time?: number; nonce?: string; key?: KeyObject; path?: string; body?: Buffer; method?: string };
  unsigned?: boolean;
}

/** An enrolled desk: signs every request with its own key, as the workstation will. */
export class TestDevice {
  constructor(
    readonly id: string,
    readonly privateKey: KeyObject,
    public origin: string,
  ) {}

  /** The same device talking to another instance. */
  via(server: TestServer): TestDevice {
    const device = new TestDevice(this.id, this.privateKey, server.origin);
    // The same desk's sessions, so a retry through another instance is the same signed entry.
    device.sessions = this.sessions;
    return device;
  }

  async send(method: string, path: string, options: SendOptions = {}): Promise<Reply> {
    const body = options.raw ?? (options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body)));
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined)
      headers['content-type'] = options.contentType ?? (options.raw ? 'application/octet-stream' : 'application/json');
    if (!options.unsigned) {
      const sign = options.sign ?? {};
      Object.assign(
        headers,
        signRequest(
          sign.key ?? this.privateKey,
          this.id,
          sign.method ?? method,
          sign.path ?? path,
          sign.body ?? body ?? Buffer.alloc(0),
          {
            ...(sign.time === undefined ? {} : { time: sign.time }),
            ...(sign.nonce === undefined ? {} : { nonce: sign.nonce }),
          },
        ),
      );
    }
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = new Uint8Array(body);
    return toReply(await fetch(`${this.origin}${path}`, init));
  }

  /** The sessions this device's test staff work in, by actor and 8-hour window (`provenMutations`). */
  private sessions = new Map<string, TestSession>();

  /**
   * Pushes as a desk's outbox does: each entry that names no session yet is signed by a session of
   * its actor on this device, proven by a ticket of the test server's key (`testSession`), and the
   * sessions go with the push. `sessions` adds proven sessions as given (a test's own, forged ones).
   */
  push(mutations: Mutation[], options: { sessions?: ProvenSession[]; unproven?: boolean } = {}): Promise<Reply> {
    const signed = options.unproven ? { mutations, sessions: [] } : provenMutations(this.id, mutations, this.sessions);
    const sessions = [...signed.sessions, ...(options.sessions ?? [])];
    return this.send('POST', '/v1/sync/push', { body: { mutations: signed.mutations, sessions } });
  }

  get(path: string): Promise<Reply> {
    return this.send('GET', path);
  }
}

/**
 * The people the server suite writes as: the server checks every mutation's actor against its
 * staff records, so patients are written by real clerks whose accounts reached the server first.
 */
export const testStaff = {
  admin: '019a0000-0000-7000-8000-00000000ad01',
  clerk: '019a0000-0000-7000-8000-00000000c001',
  otherClerk: '019a0000-0000-7000-8000-00000000c002',
} as const;

/** A person's account row as a desk sends it (only what the server's rules read). */
export function staffRow(login: string, role: Role, active = 1): Mutation['changed'] {
  return {
    login,
    display_name: login,
    role,
    active,
    created_at: '2026-11-25T08:00:00.000Z',
    updated_at: '2026-11-25T08:00:00.000Z',
  };
}

const seeded = new WeakMap<Knex, Promise<void>>();

/**
 * Once per database: the first admin creates themself (the bootstrap the server allows while it
 * has no admin), then the two clerks, pushed by `device` like any desk's outbox.
 */
export function seedTestStaff(db: Knex, device: TestDevice): Promise<void> {
  let done = seeded.get(db);
  if (!done) {
    done = (async () => {
      if (await db('records').where({ table_name: 'staff', id: testStaff.clerk }).first()) return;
      const reply = await device.push([
        mutation({
          table: 'staff',
          rowId: testStaff.admin,
          actorId: testStaff.admin,
          changed: staffRow('test.admin', 'admin'),
        }),
        mutation({
          table: 'staff',
          rowId: testStaff.clerk,
          actorId: testStaff.admin,
          changed: staffRow('test.clerk', 'clerk'),
        }),
        mutation({
          table: 'staff',
          rowId: testStaff.otherClerk,
          actorId: testStaff.admin,
          changed: staffRow('test.clerk2', 'clerk'),
        }),
      ]);
      const statuses = reply.json<{ results: { status: string }[] }>().results.map((result) => result.status);
      if (statuses.some((status) => status !== 'applied'))
        throw new Error(`seeding staff failed: ${statuses.join(', ')}`);
    })();
    seeded.set(db, done);
  }
  return done;
}

/**
 * Enrols a new desk through the real endpoint, with a code made as the CLI makes it (into
 * `clinicId`, else the default clinic); the database's test staff are seeded through the first
 * desk unless `staff: false`.
 */
export async function enrolTestDevice(
  db: Knex,
  server: TestServer,
  name = 'Регистратура 1',
  options: { staff?: boolean; clinicId?: string } = {},
): Promise<TestDevice> {
  const { code } = await createEnrolCode(db, {
    now: new Date(),
    ...(options.clinicId === undefined ? {} : { clinicId: options.clinicId }),
  });
  const keys = newDeviceKeys();
  const response = await fetch(`${server.origin}/v1/devices/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name, publicKey: keys.publicKey }),
  });
  if (response.status !== 200) throw new Error(`enrolment failed: ${response.status} ${await response.text()}`);
  const { deviceId } = (await response.json()) as { deviceId: string };
  const device = new TestDevice(deviceId, keys.privateKey, server.origin);
  if (options.staff !== false) await seedTestStaff(db, device);
  return device;
}

/** A mutation as a desk's outbox would send it, by the test clerk unless told otherwise. */
export function mutation(partial: Partial<Mutation> & Pick<Mutation, 'changed'>): Mutation {
  return {
    mutationId: uuidv7(),
    table: 'patients',
    rowId: uuidv7(),
    baseVersion: 0,
    actorId: testStaff.clerk,
    at: '2026-11-25T09:00:00.000Z',
    ...partial,
  };
}

/** A synced row on the server: its version and its data. */
export async function serverRow(
  db: Knex,
  table: string,
  id: string,
): Promise<{ version: number; data: Record<string, unknown> }> {
  const row = await db('records')
    .where({ table_name: table, id })
    .first<{ version: unknown; data: unknown }>('version', 'data');
  return { version: toNumber(row.version), data: toRecord(row.data) };
}

/** A desk's change to a synced row as its outbox sends it now: the changed fields and the stamps. */
export async function deskChange(
  db: Knex,
  desk: TestDevice,
  target: { table: string; id: string; actorId: string },
  changed: Mutation['changed'],
): Promise<Mutation> {
  const { version } = await serverRow(db, target.table, target.id);
  const now = new Date().toISOString();
  return mutation({
    table: target.table,
    rowId: target.id,
    baseVersion: version,
    actorId: target.actorId,
    at: now,
    changed: { ...changed, updated_at: now, updated_by: target.actorId, device_id: desk.id },
  });
}

export const newPatient = () => ({
  surname: 'Иванова',
  name: 'Мария',
  patronymic: 'Петровна',
  birth_date: '1980-03-15',
  sex: 'F',
  phone: '+79161234567',
  email: null,
});

/** Counts rows of a server table, to prove that a refused request wrote nothing. */
export async function countRows(
  db: Knex,
  table: 'records' | 'change_log' | 'mutations' | 'devices' | 'blobs' | 'blob_chunks',
): Promise<number> {
  const row = await db(table).count<{ n: unknown }[]>('* as n');
  return Number(row[0]?.n ?? 0);
}

/** The ticket key of every test server (they share `testBlobKey`). */
export const testTicketKey = deriveTicketKey(testBlobKey);

/** A proven session and its private key, as a desk holds it in memory after sign-in. */
export interface TestSession {
  proven: ProvenSession;
  privateKey: KeyObject;
}

/**
 * A session of `staffId` on `deviceId`, opened at `issuedAt`, proven by a server ticket (as after a
 * TOTP sign-in). `ticketKey` forges one with another key; `statement` overrides fields.
 */
export function testSession(
  deviceId: string,
  staffId: string,
  issuedAt: Date,
  options: { factor?: TicketFactor; statement?: Partial<SessionStatement>; ticketKey?: typeof testTicketKey } = {},
): TestSession {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const statement: SessionStatement = {
    v: 1,
    sessionId: uuidv7(),
    staffId,
    deviceId,
    publicKey: String(publicKey.export({ format: 'jwk' }).x),
    issuedAt: issuedAt.toISOString(),
    expiresAt: new Date(issuedAt.getTime() + maxSessionMs).toISOString(),
    ...options.statement,
  };
  const factor = options.factor ?? 'totp';
  const signature = (options.ticketKey ?? testTicketKey).sign(statement, factor);
  return { proven: { statement, proof: { kind: 'ticket', factor, signature } }, privateKey };
}

/** The entry signed by the session, as `appendOutbox` signs it. */
export function signedBy(session: TestSession, entry: Mutation): Mutation {
  const sessionId = session.proven.statement.sessionId;
  const signature = sign(null, Buffer.from(entryText({ ...entry, sessionId })), session.privateKey).toString(
    'base64url',
  );
  return { ...entry, sessionId, signature };
}

const windowMs = 8 * 60 * 60 * 1000;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signs each entry that names no session with a session of its actor on `deviceId` whose window
 * (8 hours from a multiple of 8 hours, valid for 16) holds the entry's time; entries whose time
 * or actor does not parse are left unsigned (the server refuses them by shape first).
 */
export function provenMutations(
  deviceId: string,
  mutations: Mutation[],
  sessions: Map<string, TestSession>,
): { mutations: Mutation[]; sessions: ProvenSession[] } {
  const used = new Map<string, ProvenSession>();
  const signed = mutations.map((entry) => {
    const at = Date.parse(entry.at);
    if (entry.sessionId !== undefined || Number.isNaN(at) || !uuidPattern.test(entry.actorId)) return entry;
    const start = Math.floor(at / windowMs) * windowMs;
    const key = `${entry.actorId}@${start}`;
    let session = sessions.get(key);
    if (!session) {
      session = testSession(deviceId, entry.actorId, new Date(start));
      sessions.set(key, session);
    }
    used.set(session.proven.statement.sessionId, session.proven);
    return signedBy(session, entry);
  });
  return { mutations: signed, sessions: [...used.values()] };
}
