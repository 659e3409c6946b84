import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../../server/devices/devices';
import { revokeYkvalClient } from '../../../server/otp/ykval-clients';
import { encodeOtp } from '../../../server/otp/yubico-otp';
import { addYubikey, revokeYubikey } from '../../../server/otp/yubikeys';
import { enrolTestDevice, openTestDb, startTestServer, type TestDb, type TestServer } from '../support/test-server';
import {
  newClient,
  newNonce,
  signedBy,
  SimulatedYubikey,
  testSecretsKey,
  verify,
  ykvalGet,
  type YkvalClientKeys,
} from './yubikey-support';

let testDb: TestDb;
let server: TestServer;
let deskA: YkvalClientKeys;
let deskB: YkvalClientKeys;
const logLines: string[] = [];
/** Every OTP the tests typed, to prove none of them reached the log. */
const typed: string[] = [];

beforeAll(async () => {
  testDb = await openTestDb();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  server = await startTestServer(testDb.db, { log: { level: 'info', stream } });
  deskA = await newClient(testDb.db);
  deskB = await newClient(testDb.db);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await testDb?.cleanup();
}, 60_000);

let keyNumber = 0;
/** A fresh registered key; public ids differ in their last letters. */
async function newKey(): Promise<SimulatedYubikey> {
  keyNumber += 1;
  const suffix = keyNumber
    .toString(16)
    .padStart(4, '0')
    .replace(/[0-9a-f]/g, (digit) => 'cbdefghijklnrtuv'[parseInt(digit, 16)] as string);
  return new SimulatedYubikey(`vvcccc${suffix}ll`).register(testDb.db);
}

function press(key: SimulatedYubikey): string {
  const otp = key.press();
  typed.push(otp);
  return otp;
}

describe('YK-VAL 2.0 verify endpoint (A2)', () => {
  it('accepts Yubico’s published OTP and answers in YK-VAL’s signed text format', async () => {
    // Yubico/yubico-c test-vectors.txt: the key and the OTP it made (counter 19, session use 17).
    await addYubikey(
      testDb.db,
      testSecretsKey,
      {
        publicId: 'dteffuje',
        privateId: '8792ebfe26cc',
        aesKey: 'ecde18dbe76fbd0c33330f1c354871db',
        staffId: 'staff-vector',
      },
      new Date(),
    );
    const otp = 'dteffujehknhfjbrjnlnldnhcujvddbikngjrtgh';
    typed.push(otp);
    const nonce = newNonce();
    const reply = await ykvalGet(
      server.origin,
      { id: String(deskA.id), otp, nonce, timestamp: '1' },
      { apiKey: deskA.apiKey },
    );

    expect(reply.httpStatus).toBe(200);
    expect(reply.contentType).toMatch(/^text\/plain/);
    expect(reply.status).toBe('OK');
    expect(reply.fields).toMatchObject({
      otp,
      nonce,
      sessioncounter: '19',
      sessionuse: '17',
      timestamp: String(0xc230),
    });
    expect(reply.fields.t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ0\d{3}$/);
    expect(signedBy(reply, deskA.apiKey)).toBe(true);
    expect(signedBy(reply, deskB.apiKey)).toBe(false);
    expect(reply.body.split('\r\n').map((line) => line.split('=')[0])).toEqual([
      'h',
      't',
      'otp',
      'nonce',
      'timestamp',
      'sessioncounter',
      'sessionuse',
      'status',
      '',
      '',
    ]);

    // The ykparse example was typed by the same key one press earlier (session use 16): too old now.
    const older = 'dteffujedcflcindvdbrblehecuitvjkjevvehjd';
    typed.push(older);
    expect((await verify(server.origin, deskA, older)).status).toBe('REPLAYED_OTP');
  });

  it('accepts real OTPs while their counters grow, across presses and re-plugs', async () => {
    const key = await newKey();
    for (let i = 0; i < 3; i++) {
      const reply = await verify(server.origin, deskA, press(key));
      expect(reply.status).toBe('OK');
      expect(reply.fields).toMatchObject({ sessioncounter: '1', sessionuse: String(i) });
    }
    key.replug();
    const replugged = await verify(server.origin, deskB, press(key));
    expect(replugged.fields).toMatchObject({ status: 'OK', sessioncounter: '2', sessionuse: '0' });
  });

  it('refuses a replayed OTP, at the same desk and at a second desk', async () => {
    const key = await newKey();
    const otp = press(key);
    expect((await verify(server.origin, deskA, otp)).status).toBe('OK');
    const again = await verify(server.origin, deskA, otp);
    expect(again.status).toBe('REPLAYED_OTP');
    expect(signedBy(again, deskA.apiKey)).toBe(true);
    const elsewhere = await verify(server.origin, deskB, otp);
    expect(elsewhere.status).toBe('REPLAYED_OTP');
    expect(signedBy(elsewhere, deskB.apiKey)).toBe(true);
  });

  it('refuses an OTP older than the last one accepted', async () => {
    const key = await newKey();
    const first = press(key);
    const second = press(key);
    key.replug();
    const third = press(key);
    expect((await verify(server.origin, deskA, second)).status).toBe('OK');
    expect((await verify(server.origin, deskA, first)).status).toBe('REPLAYED_OTP');
    expect((await verify(server.origin, deskA, third)).status).toBe('OK');
    expect((await verify(server.origin, deskA, second)).status).toBe('REPLAYED_OTP');
  });

  it('tells a resent request (same OTP and nonce) from a replayed OTP', async () => {
    const key = await newKey();
    const params = { id: String(deskA.id), otp: press(key), nonce: newNonce() };
    expect((await ykvalGet(server.origin, params, { apiKey: deskA.apiKey })).status).toBe('OK');
    expect((await ykvalGet(server.origin, params, { apiKey: deskA.apiKey })).status).toBe('REPLAYED_REQUEST');
    expect((await ykvalGet(server.origin, { ...params, nonce: newNonce() }, { apiKey: deskA.apiKey })).status).toBe(
      'REPLAYED_OTP',
    );
  });

  it('refuses damaged, malformed and unknown OTPs (BAD_OTP) without touching the counters', async () => {
    const key = await newKey();
    const good = press(key);
    const otherKey = new SimulatedYubikey(key.publicId, key.privateId);
    const crcError = otherKey.press(); // right public id, another AES secret: the CRC fails
    const otherPrivateId = new SimulatedYubikey(key.publicId, 'ffffffffffff', key.aesKey).press();
    const wrongAlphabet = `${good.slice(0, 20)}a${good.slice(21)}`;
    const tooShort = good.slice(13);
    const tooLong = `cccccc${good}`;
    const unknown = new SimulatedYubikey('vvccccrrrrrr').press();
    typed.push(crcError, otherPrivateId, wrongAlphabet, tooShort, tooLong, unknown);

    for (const otp of [crcError, otherPrivateId, wrongAlphabet, tooShort, tooLong, unknown]) {
      const reply = await verify(server.origin, deskA, otp);
      expect(reply.status, otp).toBe('BAD_OTP');
      expect(signedBy(reply, deskA.apiKey)).toBe(true);
    }
    // Only a well-formed OTP is echoed: nothing sent can add a line to the answer.
    expect((await verify(server.origin, deskA, wrongAlphabet)).fields.otp).toBeUndefined();
    expect((await verify(server.origin, deskA, `${good}\r\nstatus=OK`)).fields.otp).toBeUndefined();
    expect((await verify(server.origin, deskA, good)).status).toBe('OK');
  });

  it('refuses a request whose signature is wrong, and spends no OTP on it', async () => {
    const key = await newKey();
    const otp = press(key);
    const params = { id: String(deskA.id), otp, nonce: newNonce() };
    const forged = await ykvalGet(server.origin, params, { apiKey: deskB.apiKey });
    expect(forged.status).toBe('BAD_SIGNATURE');
    expect(signedBy(forged, deskA.apiKey)).toBe(true);
    const tampered = await ykvalGet(server.origin, params, {
      rawQuery: `${new URLSearchParams({ ...params, timestamp: '1' }).toString()}&h=${encodeURIComponent('AAAAAAAAAAAAAAAAAAAAAAAAAAA=')}`,
    });
    expect(tampered.status).toBe('BAD_SIGNATURE');
    expect((await verify(server.origin, deskA, otp)).status).toBe('OK');
  });

  it('refuses missing and malformed parameters, and unknown clients', async () => {
    const key = await newKey();
    const otp = press(key);
    const base = { id: String(deskA.id), otp, nonce: newNonce() };
    const sign = { apiKey: deskA.apiKey };

    const noId = await ykvalGet(server.origin, { otp, nonce: newNonce() }, { h: null });
    expect(noId.status).toBe('MISSING_PARAMETER');
    // No client, no key: signed with the empty key, as YK-VAL does.
    expect(signedBy(noId, Buffer.alloc(0))).toBe(true);
    const unknownClient = await ykvalGet(server.origin, { ...base, id: '999999' }, sign);
    expect(unknownClient.status).toBe('NO_SUCH_CLIENT');
    expect((await ykvalGet(server.origin, { ...base, id: '99999999999' }, sign)).status).toBe('MISSING_PARAMETER');

    expect((await ykvalGet(server.origin, base, { h: null })).status).toBe('MISSING_PARAMETER');
    const { otp: _otp, ...noOtp } = base;
    expect((await ykvalGet(server.origin, noOtp, sign)).status).toBe('MISSING_PARAMETER');
    const { nonce: _nonce, ...noNonce } = base;
    expect((await ykvalGet(server.origin, noNonce, sign)).status).toBe('MISSING_PARAMETER');
    expect((await ykvalGet(server.origin, { ...base, nonce: 'short15charsxxx' }, sign)).status).toBe(
      'MISSING_PARAMETER',
    );
    expect((await ykvalGet(server.origin, { ...base, nonce: `${newNonce()}-x` }, sign)).status).toBe(
      'MISSING_PARAMETER',
    );
    expect((await ykvalGet(server.origin, { ...base, nonce: 'a'.repeat(41) }, sign)).status).toBe('MISSING_PARAMETER');
    expect((await ykvalGet(server.origin, { ...base, sl: '101' }, sign)).status).toBe('MISSING_PARAMETER');
    const repeated = await ykvalGet(server.origin, base, {
      rawQuery: `${new URLSearchParams(base).toString()}&id=${deskA.id}&h=x`,
    });
    expect(repeated.status).toBe('MISSING_PARAMETER');
    const signedMissing = await ykvalGet(server.origin, noNonce, sign);
    expect(signedBy(signedMissing, deskA.apiKey)).toBe(true);

    // The protocol's optional parameters are accepted and signed like the rest.
    const withOptions = await ykvalGet(server.origin, { ...base, sl: 'secure', timeout: '8' }, sign);
    expect(withOptions.fields).toMatchObject({ status: 'OK', sl: '100' });
    expect(withOptions.fields.sessioncounter).toBeUndefined();
  });

  it('refuses a revoked client, and the client of a revoked desk (OPERATION_NOT_ALLOWED)', async () => {
    const key = await newKey();
    const revoked = await newClient(testDb.db);
    await revokeYkvalClient(testDb.db, revoked.id, new Date());
    const refused = await verify(server.origin, revoked, press(key));
    expect(refused.status).toBe('OPERATION_NOT_ALLOWED');
    expect(signedBy(refused, revoked.apiKey)).toBe(true);

    const device = await enrolTestDevice(testDb.db, server, 'Регистратура 2');
    const ofDevice = await newClient(testDb.db, device.id);
    expect((await verify(server.origin, ofDevice, press(key))).status).toBe('OK');
    await revokeDevice(testDb.db, device.id, new Date());
    expect((await verify(server.origin, ofDevice, press(key))).status).toBe('OPERATION_NOT_ALLOWED');
  });

  it('refuses the OTPs of a revoked key', async () => {
    const key = await newKey();
    expect((await verify(server.origin, deskA, press(key))).status).toBe('OK');
    await revokeYubikey(testDb.db, key.publicId, new Date());
    expect((await verify(server.origin, deskA, press(key))).status).toBe('BAD_OTP');
  });

  it('keeps AES secrets and API keys sealed, each bound to its own row', async () => {
    const key = await newKey();
    const victim = await newKey();
    const rows = await testDb.db('yubikeys').whereIn('public_id', [key.publicId, victim.publicId]).orderBy('public_id');
    for (const row of rows as { aes_key_sealed: string; private_id_sealed: string }[]) {
      expect(row.aes_key_sealed).toMatch(/^v1\./);
      expect(row.aes_key_sealed).not.toContain(key.aesKey);
      expect(row.private_id_sealed).not.toContain(key.privateId);
    }
    const clients = (await testDb.db('yubikey_clients').pluck('api_key_sealed')) as string[];
    const keyBytes = Buffer.from(deskA.apiKey, 'base64');
    expect(
      clients.some((sealed) => sealed.includes(deskA.apiKey) || sealed.includes(keyBytes.toString('base64url'))),
    ).toBe(false);

    // A sealed secret copied onto another key's row does not open there.
    const stolen = rows.find((row: { public_id: string }) => row.public_id === key.publicId) as {
      aes_key_sealed: string;
    };
    await testDb.db('yubikeys').where({ public_id: victim.publicId }).update({ aes_key_sealed: stolen.aes_key_sealed });
    const forged = encodeOtp({
      publicId: victim.publicId,
      privateId: victim.privateId,
      aesKey: key.aesKey,
      usageCounter: 9,
      sessionUse: 0,
      timestamp: 1,
      random: 1,
    });
    typed.push(forged);
    expect((await verify(server.origin, deskA, forged)).status).toBe('BACKEND_ERROR');
  });

  it('records every verification for audit and logs the public id, never the OTP', async () => {
    const key = await newKey();
    const otp = press(key);
    await verify(server.origin, deskA, otp);
    await verify(server.origin, deskB, otp);
    const trail = await testDb
      .db('yubikey_verifications')
      .where({ public_id: key.publicId })
      .orderBy('id')
      .select('client_id', 'status');
    expect(trail).toEqual([
      { client_id: deskA.id, status: 'OK' },
      { client_id: deskB.id, status: 'REPLAYED_OTP' },
    ]);
    const statuses = await testDb.db('yubikey_verifications').distinct('status').pluck('status');
    expect(statuses).toEqual(
      expect.arrayContaining(['OK', 'BAD_OTP', 'REPLAYED_OTP', 'BAD_SIGNATURE', 'MISSING_PARAMETER', 'NO_SUCH_CLIENT']),
    );

    const log = logLines.join('');
    expect(log).toContain(`"publicId":"${key.publicId}"`);
    expect(log).toContain('"status":"REPLAYED_OTP"');
    for (const secret of typed) expect(log).not.toContain(secret.slice(-32));
    expect(log).not.toContain('nonce=');
  });
});
