import { createHash, verify, type KeyObject } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { Knex } from 'knex';
import { z } from 'zod';
import { maxClockSkewMs, signatureHeaders, signedText } from '../../shared/sync/protocol';
import { findDevice, parseDevicePublicKey } from '../devices/devices';
import { HttpError } from '../http/http-error';
import { claimNonce } from './nonces';

export interface AuthenticatedDevice {
  id: string;
  /** The device's clinic: every read and write of the request is scoped by it. */
  clinicId: string;
  name: string;
  publicKey: KeyObject;
}

declare module 'fastify' {
  interface FastifyRequest {
    device?: AuthenticatedDevice;
  }
}

const headersSchema = z.object({
  [signatureHeaders.device]: z.uuid().transform((id) => id.toLowerCase()),
  [signatureHeaders.time]: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
  [signatureHeaders.nonce]: z.string().regex(/^[0-9a-f]{32}$/),
  [signatureHeaders.signature]: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});

type SignedHeaders = z.output<typeof headersSchema>;
const parsedHeaders = new WeakMap<FastifyRequest, SignedHeaders>();

const emptySha256 = createHash('sha256').digest('hex');

/**
 * Every request in this scope must be signed by an enrolled, unrevoked device. Cheap checks run
 * before the body is read (onRequest), so an unknown device cannot make us buffer 5 MiB; the
 * signature, which covers the body, is checked once it is in (preHandler). The nonce is claimed
 * only after the signature holds, so nobody can burn a device's nonces.
 *
 * Added to each route of the scope rather than to the scope itself: route hooks run after scope
 * hooks, and the rate limiter (a route hook too) must see a request before the database does.
 */
export function requireDeviceSignature(app: FastifyInstance, deps: { db: Knex; now: () => Date }): void {
  const checkDevice: onRequestAsyncHookHandler = async (request) => {
    const parsed = headersSchema.safeParse(request.headers);
    if (!parsed.success) throw new HttpError(401, 'sync.auth.missing');
    const headers = parsed.data;
    if (Math.abs(deps.now().getTime() - headers[signatureHeaders.time]) > maxClockSkewMs) {
      throw new HttpError(401, 'sync.auth.clock_skew');
    }
    // Looked up on every request, never cached: a revocation must bite at once.
    const device = await findDevice(deps.db, headers[signatureHeaders.device]);
    if (!device) throw new HttpError(401, 'sync.auth.unknown_device');
    if (device.revokedAt !== null) throw new HttpError(403, 'sync.auth.revoked');
    const publicKey = parseDevicePublicKey(device.publicKey);
    if (!publicKey) throw new Error(`Device ${device.id} has an unusable public key`);
    request.device = { id: device.id, clinicId: device.clinicId, name: device.name, publicKey };
    parsedHeaders.set(request, headers);
  };

  const checkSignature: preHandlerAsyncHookHandler = async (request) => {
    const headers = parsedHeaders.get(request);
    const device = request.device;
    if (!headers || !device) throw new HttpError(401, 'sync.auth.missing');
    const text = signedText({
      method: request.method,
      // The path with its query exactly as sent: what the device signed.
      path: request.raw.url ?? request.url,
      time: request.headers[signatureHeaders.time] as string,
      nonce: headers[signatureHeaders.nonce],
      bodySha256: request.rawBody ? createHash('sha256').update(request.rawBody).digest('hex') : emptySha256,
    });
    const signature = Buffer.from(headers[signatureHeaders.signature], 'base64');
    if (!verify(null, Buffer.from(text), device.publicKey, signature)) {
      throw new HttpError(401, 'sync.auth.bad_signature');
    }
    if (!(await claimNonce(deps.db, device.id, headers[signatureHeaders.nonce], deps.now()))) {
      throw new HttpError(401, 'sync.auth.replayed');
    }
  };

  app.addHook('onRoute', (route) => {
    route.onRequest = [...asArray(route.onRequest), checkDevice];
    route.preHandler = [...asArray(route.preHandler), checkSignature];
  });
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The device a handler runs for; the hooks above guarantee it in this scope. */
export function deviceOf(request: FastifyRequest): AuthenticatedDevice {
  if (!request.device) throw new HttpError(401, 'sync.auth.missing');
  return request.device;
}
