import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDevicesCommand, revokeDeviceCommand } from '../../../server/cli/commands';
import { createEnrolCode, newEnrolCode } from '../../../server/devices/enrol-codes';
import { newDeviceKeys } from '../../../server/testing/device-client';
import { apiErrorSchema } from '../../../shared/errors/app-error';
import { enrolResponseSchema } from '../../../shared/sync/protocol';
import {
  countRows,
  enrolTestDevice,
  openTestDb,
  startTestServer,
  type TestDb,
  type TestServer,
} from '../support/test-server';

let testDb: TestDb;
let server: TestServer;

beforeAll(async () => {
  testDb = await openTestDb();
  server = await startTestServer(testDb.db);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await testDb?.cleanup();
}, 60_000);

const enrol = (body: unknown) =>
  fetch(`${server.origin}/v1/devices/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('health', () => {
  it('answers ok with the database state and the version', async () => {
    const response = await fetch(`${server.origin}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('sends the security headers of @fastify/helmet', async () => {
    const response = await fetch(`${server.origin}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-ratelimit-limit')).toBeNull(); // off in tests, see below
  });

  it('limits the rate per client when limiting is on', async () => {
    const limited = await startTestServer(testDb.db, { rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await fetch(`${limited.origin}/health`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await fetch(`${limited.origin}/health`);
      expect(apiErrorSchema.parse(await refused.json()).code).toBe('server.rate_limited');
    } finally {
      await limited.close();
    }
  });

  it('answers an unknown address with a coded 404', async () => {
    const response = await fetch(`${server.origin}/v2/nothing`);
    expect(response.status).toBe(404);
    expect(apiErrorSchema.parse(await response.json()).code).toBe('server.not_found');
  });
});

describe('enrolment codes', () => {
  it('are 12 characters of an alphabet without look-alikes, grouped by four', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newEnrolCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  });

  it('are stored only as a SHA-256 hash', async () => {
    const { code } = await createEnrolCode(testDb.db, { now: new Date() });
    const rows = await testDb.db('enrol_codes').select('*');
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(code.replace(/-/g, ''));
    expect(rows.every((row: { code_hash: string }) => /^[0-9a-f]{64}$/.test(row.code_hash))).toBe(true);
  });
});

describe('enrolment (POST /v1/devices/enrol)', () => {
  it('redeems a code once and stores the device key', async () => {
    const { code } = await createEnrolCode(testDb.db, { name: 'Кабинет 12', now: new Date() });
    const keys = newDeviceKeys();
    const response = await enrol({ code: code.toLowerCase(), name: 'desk', publicKey: keys.publicKey });
    expect(response.status).toBe(200);
    const { deviceId, serverId } = enrolResponseSchema.parse(await response.json());
    expect(serverId).toMatch(/.+/);
    const stored = await testDb.db('devices').where({ id: deviceId }).first();
    expect(stored).toMatchObject({ name: 'Кабинет 12', public_key: keys.publicKey, revoked_at: null });

    const again = await enrol({ code, name: 'desk 2', publicKey: newDeviceKeys().publicKey });
    expect(again.status).toBe(403);
    expect(apiErrorSchema.parse(await again.json())).toMatchObject({ code: 'sync.enrol.code_used', field: 'code' });
  });

  it('lets the enrolled device sign requests', async () => {
    const device = await enrolTestDevice(testDb.db, server);
    const reply = await device.get('/v1/sync/pull?since=0');
    expect(reply.status).toBe(200);
  });

  it('refuses an expired code', async () => {
    const { code } = await createEnrolCode(testDb.db, { now: new Date(Date.now() - 24 * 3600_000 - 1000) });
    const response = await enrol({ code, name: 'desk', publicKey: newDeviceKeys().publicKey });
    expect(response.status).toBe(403);
    expect(apiErrorSchema.parse(await response.json()).code).toBe('sync.enrol.code_expired');
  });

  it('refuses an unknown code, a key that is not Ed25519, a key already enrolled, and a malformed body', async () => {
    const devicesBefore = await countRows(testDb.db, 'devices');
    const unknown = await enrol({ code: 'ABCD-EFGH-JKMN', name: 'desk', publicKey: newDeviceKeys().publicKey });
    expect(apiErrorSchema.parse(await unknown.json()).code).toBe('sync.enrol.code_unknown');

    const { code } = await createEnrolCode(testDb.db, { now: new Date() });
    const rsaLike = Buffer.alloc(60, 7).toString('base64');
    const badKey = await enrol({ code, name: 'desk', publicKey: rsaLike });
    expect(badKey.status).toBe(400);
    expect(apiErrorSchema.parse(await badKey.json())).toMatchObject({
      code: 'sync.enrol.public_key',
      field: 'publicKey',
    });

    const taken = (await testDb.db('devices').first<{ public_key: string }>('public_key')).public_key;
    const reused = await enrol({ code, name: 'desk', publicKey: taken });
    expect(reused.status).toBe(409);
    expect(apiErrorSchema.parse(await reused.json()).code).toBe('sync.enrol.key_taken');

    const malformed = await enrol({ code, name: 'desk', publicKey: newDeviceKeys().publicKey, admin: true });
    expect(malformed.status).toBe(400);
    expect(apiErrorSchema.parse(await malformed.json()).code).toBe('api.bad_request');
    expect(await countRows(testDb.db, 'devices')).toBe(devicesBefore);

    // None of those used the code up.
    const good = await enrol({ code, name: 'desk', publicKey: newDeviceKeys().publicKey });
    expect(good.status).toBe(200);
  });
});

describe('device administration (CLI commands)', () => {
  it('lists devices and revokes one, which is refused from its next request on', async () => {
    const device = await enrolTestDevice(testDb.db, server, 'Процедурная');
    expect((await device.get('/v1/sync/pull?since=0')).status).toBe(200);

    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: () => undefined };
    await listDevicesCommand(testDb.db, io);
    expect(
      lines.some((line) => line.startsWith(device.id) && line.endsWith('Процедурная') && line.includes('\t-\t')),
    ).toBe(true);

    await revokeDeviceCommand(testDb.db, device.id, new Date(), io);
    const refused = await device.get('/v1/sync/pull?since=0');
    expect(refused.status).toBe(403);
    expect(apiErrorSchema.parse(refused.json())).toMatchObject({
      code: 'sync.auth.revoked',
      message: { ru: expect.stringContaining('отозван'), en: expect.stringContaining('revoked') },
    });
  });
});

describe('TLS', () => {
  let dir: string | undefined;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const hasOpenssl = (() => {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasOpenssl)('serves HTTPS with TLS 1.3 only when given a certificate', async () => {
    dir = mkdtempSync(join(tmpdir(), 'medcard-tls-'));
    const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    const tls = await startTestServer(testDb.db, { https: { cert: readFileSync(cert), key: readFileSync(key) } });
    try {
      expect(tls.origin).toMatch(/^https:/);
      const get = (maxVersion: 'TLSv1.2' | 'TLSv1.3') =>
        new Promise<{ status: number; protocol: string }>((resolve, reject) => {
          const req = httpsRequest(
            `${tls.origin}/health`,
            { ca: readFileSync(cert), checkServerIdentity: () => undefined, maxVersion },
            (res) => {
              res.resume();
              resolve({
                status: res.statusCode ?? 0,
                protocol: (res.socket as import('node:tls').TLSSocket).getProtocol() ?? '',
              });
            },
          );
          req.on('error', reject);
          req.end();
        });
      expect(await get('TLSv1.3')).toEqual({ status: 200, protocol: 'TLSv1.3' });
      await expect(get('TLSv1.2')).rejects.toThrow();
    } finally {
      await tls.close();
    }
  });
});

// Last in the file: it closes the database under the running server.
describe('health without a database', () => {
  it('answers 503 naming the database as the failing check', async () => {
    await testDb.db.destroy();
    const response = await fetch(`${server.origin}/health`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; failing: string[] };
    expect(body.status).toBe('failing');
    expect(body.failing).toContain('database');
  });
});
