import { randomBytes, type KeyObject } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { buildServer, type ServerOptions } from '../../../server/app';
import { openServerDb } from '../../../server/db/open';
import { createEnrolCode } from '../../../server/devices/enrol-codes';
import { newDeviceKeys, signRequest } from '../../../server/testing/device-client';
import type { Role } from '../../../shared/auth/permissions';
import type { Mutation } from '../../../shared/sync/protocol';

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
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
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
    return new TestDevice(this.id, this.privateKey, server.origin);
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

  push(mutations: Mutation[]): Promise<Reply> {
    return this.send('POST', '/v1/sync/push', { body: { mutations } });
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
 * Enrols a new desk through the real endpoint, with a code made as the CLI makes it; the
 * database's test staff are seeded through the first desk unless `staff: false`.
 */
export async function enrolTestDevice(
  db: Knex,
  server: TestServer,
  name = 'Регистратура 1',
  options: { staff?: boolean } = {},
): Promise<TestDevice> {
  const { code } = await createEnrolCode(db, { now: new Date() });
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
