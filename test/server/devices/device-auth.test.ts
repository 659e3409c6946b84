import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneNonces, nonceRetentionMs } from '../../../server/auth/nonces';
import { newDeviceKeys } from '../../../server/testing/device-client';
import { apiErrorSchema } from '../../../shared/errors/app-error';
import { maxClockSkewMs, signatureHeaders } from '../../../shared/sync/protocol';
import {
  countRows,
  enrolTestDevice,
  mutation,
  newPatient,
  openTestDb,
  startTestServer,
  TestDevice,
  type Reply,
  type TestDb,
  type TestServer,
} from '../support/test-server';

let testDb: TestDb;
let server: TestServer;
let device: TestDevice;
const logLines: string[] = [];

beforeAll(async () => {
  testDb = await openTestDb();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  server = await startTestServer(testDb.db, { log: { level: 'trace', stream } });
  device = await enrolTestDevice(testDb.db, server);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await testDb?.cleanup();
}, 60_000);

const push = { mutations: [mutation({ changed: newPatient() })] };

function expectRefused(reply: Reply, status: number, code: string): void {
  expect(reply.status).toBe(status);
  const body = apiErrorSchema.parse(reply.json());
  expect(body.code).toBe(code);
  expect(body.message.ru.length).toBeGreaterThan(0);
  expect(body.message.en.length).toBeGreaterThan(0);
}

describe('signed requests (every /v1 call but enrolment)', () => {
  it('accepts a correctly signed request', async () => {
    expect((await device.get('/v1/sync/pull?since=0')).status).toBe(200);
  });

  it('refuses a request without signature headers', async () => {
    expectRefused(await device.send('GET', '/v1/sync/pull?since=0', { unsigned: true }), 401, 'sync.auth.missing');
  });

  it('refuses malformed signature headers', async () => {
    const reply = await device.send('GET', '/v1/sync/pull?since=0', {
      unsigned: true,
      headers: {
        [signatureHeaders.device]: device.id,
        [signatureHeaders.time]: String(Date.now()),
        [signatureHeaders.nonce]: 'not-hex',
        [signatureHeaders.signature]: 'AAAA',
      },
    });
    expectRefused(reply, 401, 'sync.auth.missing');
  });

  it('refuses an unknown device', async () => {
    const stranger = new TestDevice('0190f2a0-0000-7000-8000-000000000000', newDeviceKeys().privateKey, server.origin);
    expectRefused(await stranger.get('/v1/sync/pull?since=0'), 401, 'sync.auth.unknown_device');
  });

  it('refuses a signature made with another key', async () => {
    expectRefused(
      await device.send('GET', '/v1/sync/pull?since=0', { sign: { key: newDeviceKeys().privateKey } }),
      401,
      'sync.auth.bad_signature',
    );
  });

  it('refuses a request whose path, method or body differs from what was signed', async () => {
    const before = await countRows(testDb.db, 'change_log');
    expectRefused(
      await device.send('GET', '/v1/sync/pull?since=0', { sign: { path: '/v1/sync/pull?since=5' } }),
      401,
      'sync.auth.bad_signature',
    );
    expectRefused(
      await device.send('POST', '/v1/sync/push', { body: push, sign: { method: 'PUT' } }),
      401,
      'sync.auth.bad_signature',
    );
    const tampered = Buffer.from(JSON.stringify({ mutations: [mutation({ changed: { surname: 'Подмена' } })] }));
    expectRefused(
      await device.send('POST', '/v1/sync/push', { body: push, sign: { body: tampered } }),
      401,
      'sync.auth.bad_signature',
    );
    expect(await countRows(testDb.db, 'change_log')).toBe(before);
  });

  it('refuses a replayed nonce, even through another server instance', async () => {
    const nonce = 'a'.repeat(32);
    expect((await device.send('GET', '/v1/sync/pull?since=0', { sign: { nonce } })).status).toBe(200);
    expectRefused(await device.send('GET', '/v1/sync/pull?since=0', { sign: { nonce } }), 401, 'sync.auth.replayed');
    const other = await startTestServer(testDb.db);
    try {
      expectRefused(
        await device.via(other).send('GET', '/v1/sync/pull?since=0', { sign: { nonce } }),
        401,
        'sync.auth.replayed',
      );
    } finally {
      await other.close();
    }
  });

  it('does not burn a nonce on a request with a bad signature', async () => {
    const nonce = 'b'.repeat(32);
    expectRefused(
      await device.send('GET', '/v1/sync/pull?since=0', { sign: { nonce, key: newDeviceKeys().privateKey } }),
      401,
      'sync.auth.bad_signature',
    );
    expect((await device.send('GET', '/v1/sync/pull?since=0', { sign: { nonce } })).status).toBe(200);
  });

  it('refuses a stale or future time', async () => {
    const late = Date.now() - maxClockSkewMs - 5_000;
    const early = Date.now() + maxClockSkewMs + 5_000;
    expectRefused(
      await device.send('GET', '/v1/sync/pull?since=0', { sign: { time: late } }),
      401,
      'sync.auth.clock_skew',
    );
    expectRefused(
      await device.send('GET', '/v1/sync/pull?since=0', { sign: { time: early } }),
      401,
      'sync.auth.clock_skew',
    );
    expect(
      (await device.send('GET', '/v1/sync/pull?since=0', { sign: { time: Date.now() - maxClockSkewMs + 30_000 } }))
        .status,
    ).toBe(200);
  });

  it('prunes nonces only once a replay could no longer pass the time check', async () => {
    const now = new Date();
    await testDb.db('request_nonces').insert([
      { device_id: device.id, nonce: 'c'.repeat(32), seen_at: new Date(now.getTime() - nonceRetentionMs - 1000) },
      { device_id: device.id, nonce: 'd'.repeat(32), seen_at: new Date(now.getTime() - 2 * maxClockSkewMs) },
    ]);
    expect(nonceRetentionMs).toBeGreaterThan(2 * maxClockSkewMs);
    await pruneNonces(testDb.db, now);
    const left = await testDb
      .db('request_nonces')
      .whereIn('nonce', ['c'.repeat(32), 'd'.repeat(32)])
      .pluck('nonce');
    expect(left).toEqual(['d'.repeat(32)]);
  });

  it('never logs signatures, nonces or bodies', async () => {
    const secretName = 'Секретнаяфамилия';
    const nonce = 'e'.repeat(32);
    const reply = await device.send('POST', '/v1/sync/push', {
      body: { mutations: [mutation({ changed: { ...newPatient(), surname: secretName } })] },
      sign: { nonce },
    });
    expect(reply.status).toBe(200);
    const log = logLines.join('');
    expect(log).toContain('/v1/sync/push'); // the request itself is logged…
    expect(log).not.toContain(secretName); // …its content is not
    expect(log).not.toContain(nonce);
    expect(log).not.toMatch(/x-medcard-signature"?\s*:\s*"[A-Za-z0-9+/]{20}/);
  });
});
