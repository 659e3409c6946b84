import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  normalizeYubikeyOtp,
  verifyYubikeyOtp,
  type VerifyYubikeyOtpOptions,
} from '../../../electron/auth/yubikey-client';
import { openTestDb, startTestServer, type TestDb, type TestServer } from '../../server/support/test-server';
import { newClient, SimulatedYubikey, type YkvalClientKeys } from '../../server/otp/yubikey-support';

let testDb: TestDb;
let server: TestServer;
let desk: YkvalClientKeys;
let key: SimulatedYubikey;
/** An address where nothing listens. */
let deadServer: string;

beforeAll(async () => {
  testDb = await openTestDb();
  server = await startTestServer(testDb.db);
  desk = await newClient(testDb.db);
  key = await new SimulatedYubikey('vvccccdefkcc').register(testDb.db);
  deadServer = await new Promise<string>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(`http://127.0.0.1:${port}`));
    });
  });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await testDb?.cleanup();
}, 60_000);

const options = (otp: string, extra: Partial<VerifyYubikeyOtpOptions> = {}): VerifyYubikeyOtpOptions => ({
  servers: [server.origin],
  clientId: desk.id,
  apiKey: desk.apiKey,
  otp,
  ...extra,
});

/** A fetch that passes requests to the real server and lets the test rewrite the answer. */
function rewriting(rewrite: (body: string) => string): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    return new Response(rewrite(await response.text()), { status: response.status, headers: response.headers });
  };
}

describe('the desk’s YubiKey client (A2): the server decides, the desk checks the answer', () => {
  it('accepts a real OTP through the server and says whose key it was', async () => {
    const verdict = await verifyYubikeyOtp(options(key.press()));
    expect(verdict).toMatchObject({
      status: 'OK',
      publicId: key.publicId,
      sessionCounter: 1,
      sessionUse: 0,
      server: server.origin,
    });
  });

  it('passes on the server’s signed refusal with the code the screen shows', async () => {
    const otp = key.press();
    expect((await verifyYubikeyOtp(options(otp))).status).toBe('OK');
    expect(await verifyYubikeyOtp(options(otp))).toMatchObject({
      status: 'REPLAYED_OTP',
      code: 'yubikey.replayed_otp',
    });
    const unknown = await verifyYubikeyOtp(options(new SimulatedYubikey('vvccccnnnnnn').press()));
    expect(unknown).toMatchObject({ status: 'BAD_OTP', code: 'yubikey.bad_otp' });
  });

  it('checks the OTP’s shape before anything leaves the desk', async () => {
    const spy = vi.fn<typeof fetch>();
    const otp = key.press();
    await expect(verifyYubikeyOtp(options(otp.slice(13), { fetch: spy }))).rejects.toMatchObject({
      code: 'yubikey.otp.length',
      field: 'otp',
    });
    await expect(verifyYubikeyOtp(options(`${otp}cccc1`, { fetch: spy }))).rejects.toMatchObject({
      code: 'yubikey.otp.length',
    });
    await expect(verifyYubikeyOtp(options(`${otp.slice(0, 43)}a`, { fetch: spy }))).rejects.toMatchObject({
      code: 'yubikey.otp.alphabet',
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it('reads an OTP typed while the Russian layout was on', async () => {
    const otp = key.press();
    const typedInRussian = [...otp].map((letter) => 'сивуапршолдткегм'['cbdefghijklnrtuv'.indexOf(letter)]).join('');
    expect(normalizeYubikeyOtp(` ${typedInRussian.toUpperCase()} `)).toBe(otp);
    expect((await verifyYubikeyOtp(options(typedInRussian))).status).toBe('OK');
  });

  it('refuses a tampered answer: a refusal turned into OK, or OK with other counters', async () => {
    const otp = key.press();
    expect((await verifyYubikeyOtp(options(otp))).status).toBe('OK');
    const promoted = rewriting((body) => body.replace('status=REPLAYED_OTP', 'status=OK'));
    await expect(verifyYubikeyOtp(options(otp, { fetch: promoted }))).rejects.toMatchObject({
      code: 'yubikey.response.signature',
    });
    const recounted = rewriting((body) => body.replace(/sessionuse=\d+/, 'sessionuse=200'));
    await expect(verifyYubikeyOtp(options(key.press(), { fetch: recounted }))).rejects.toMatchObject({
      code: 'yubikey.response.signature',
    });
  });

  it('refuses a genuine answer replayed for another request (other nonce and OTP)', async () => {
    let captured = '';
    const capture = rewriting((body) => (captured = body));
    expect((await verifyYubikeyOtp(options(key.press(), { fetch: capture }))).status).toBe('OK');
    const replay: typeof fetch = async () => new Response(captured, { status: 200 });
    await expect(verifyYubikeyOtp(options(key.press(), { fetch: replay }))).rejects.toMatchObject({
      code: 'yubikey.response.mismatch',
    });
  });

  it('refuses to trust any answer when its own API key is wrong', async () => {
    const wrongKey = Buffer.alloc(20, 7).toString('base64');
    await expect(verifyYubikeyOtp(options(key.press(), { apiKey: wrongKey }))).rejects.toMatchObject({
      code: 'yubikey.response.signature',
    });
  });

  it('reports an unknown client even though the server cannot sign for it', async () => {
    expect(await verifyYubikeyOtp(options(key.press(), { clientId: 999_999 }))).toMatchObject({
      status: 'NO_SUCH_CLIENT',
      code: 'yubikey.no_such_client',
    });
  });

  it('asks the backup server when the primary is unreachable or failing', async () => {
    const viaBackup = await verifyYubikeyOtp(options(key.press(), { servers: [deadServer, server.origin] }));
    expect(viaBackup).toMatchObject({ status: 'OK', server: server.origin });

    const failingPrimary: typeof fetch = async (input, init) =>
      String(input).startsWith('http://primary.invalid') ? new Response('', { status: 502 }) : fetch(input, init);
    const viaBackup2 = await verifyYubikeyOtp(
      options(key.press(), { servers: ['http://primary.invalid', server.origin], fetch: failingPrimary }),
    );
    expect(viaBackup2).toMatchObject({ status: 'OK', server: server.origin });
  });

  it('says the authority is unreachable when no server answers, and never decides by itself', async () => {
    await expect(verifyYubikeyOtp(options(key.press(), { servers: [deadServer] }))).rejects.toMatchObject({
      code: 'yubikey.authority_unreachable',
    });
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    await expect(verifyYubikeyOtp(options(key.press(), { fetch: hanging, timeoutMs: 100 }))).rejects.toMatchObject({
      code: 'yubikey.authority_unreachable',
    });
  });
});
