import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { yubikeySecretsKey } from '../../../server/otp/secret-box';
import { createYkvalClient } from '../../../server/otp/ykval-clients';
import { encodeOtp } from '../../../server/otp/yubico-otp';
import { ykvalSignature } from '../../../server/otp/ykval-protocol';
import { addYubikey } from '../../../server/otp/yubikeys';
import { testBlobKey } from '../support/test-server';

/** The key the test servers seal YubiKey secrets with (they all run on testBlobKey). */
export const testSecretsKey = yubikeySecretsKey(testBlobKey);

/**
 * A YubiKey whose AES secret the test knows: each press types a real OTP with the next
 * counters, as the device would (session use wraps into the usage counter).
 */
export class SimulatedYubikey {
  usageCounter = 1;
  sessionUse = 0;
  private timestamp = 0x1000;

  constructor(
    readonly publicId: string,
    readonly privateId = randomBytes(6).toString('hex'),
    readonly aesKey = randomBytes(16).toString('hex'),
  ) {}

  press(): string {
    const otp = encodeOtp({
      publicId: this.publicId,
      privateId: this.privateId,
      aesKey: this.aesKey,
      usageCounter: this.usageCounter,
      sessionUse: this.sessionUse,
      timestamp: this.timestamp,
      random: randomBytes(2).readUInt16LE(0),
    });
    this.timestamp += 8;
    if (this.sessionUse === 0xff) {
      this.usageCounter += 1;
      this.sessionUse = 0;
    } else this.sessionUse += 1;
    return otp;
  }

  /** Unplugged and plugged back in: the usage counter goes up, the session starts over. */
  replug(): void {
    this.usageCounter += 1;
    this.sessionUse = 0;
  }

  async register(db: Knex, staffId = 'staff-1'): Promise<this> {
    await addYubikey(
      db,
      testSecretsKey,
      { publicId: this.publicId, privateId: this.privateId, aesKey: this.aesKey, staffId },
      new Date(),
    );
    return this;
  }
}

export interface YkvalClientKeys {
  id: number;
  apiKey: string;
}

export function newClient(db: Knex, deviceId?: string): Promise<YkvalClientKeys> {
  return createYkvalClient(db, testSecretsKey, { ...(deviceId === undefined ? {} : { deviceId }), now: new Date() });
}

export interface YkvalReply {
  httpStatus: number;
  contentType: string | null;
  body: string;
  fields: Record<string, string>;
  status: string | undefined;
}

/**
 * A raw YK-VAL request, signed with the client's key unless `h` is given (or null: unsigned).
 * Raw on purpose: tests forge what a well-behaved client would never send.
 */
export async function ykvalGet(
  origin: string,
  params: Record<string, string>,
  options: { apiKey?: string; h?: string | null; rawQuery?: string } = {},
): Promise<YkvalReply> {
  const query = new URLSearchParams(params);
  if (options.h !== null) {
    const h = options.h ?? ykvalSignature(params, Buffer.from(options.apiKey ?? '', 'base64'));
    query.set('h', h);
  }
  const response = await fetch(`${origin}/wsapi/2.0/verify?${options.rawQuery ?? query.toString()}`);
  const body = await response.text();
  const fields: Record<string, string> = {};
  for (const line of body.split('\r\n')) {
    const equals = line.indexOf('=');
    if (equals > 0) fields[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return {
    httpStatus: response.status,
    contentType: response.headers.get('content-type'),
    body,
    fields,
    status: fields.status,
  };
}

/** Whether an answer carries a valid signature by this API key. */
export function signedBy(reply: YkvalReply, apiKey: string | Buffer): boolean {
  const { h, ...rest } = reply.fields;
  return (
    h !== undefined && ykvalSignature(rest, typeof apiKey === 'string' ? Buffer.from(apiKey, 'base64') : apiKey) === h
  );
}

/** A nonce as the protocol wants it: 16–40 letters and digits. */
export const newNonce = () => randomBytes(16).toString('hex');

/** Verifies one OTP as a desk would (signed, nonce, timestamp=1). */
export function verify(
  origin: string,
  client: YkvalClientKeys,
  otp: string,
  extra: Record<string, string> = {},
): Promise<YkvalReply> {
  return ykvalGet(
    origin,
    { id: String(client.id), otp, nonce: newNonce(), timestamp: '1', ...extra },
    { apiKey: client.apiKey },
  );
}
