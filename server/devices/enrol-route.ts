import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { enrolRequestSchema, type enrolResponseSchema } from '../../shared/sync/protocol';
import type { z } from 'zod';
import { HttpError } from '../http/http-error';
import { parseOr400 } from '../http/parse';
import { parseDevicePublicKey } from './devices';
import { attachDeviceToCode, redeemEnrolCode } from './enrol-codes';

type EnrolResponse = z.infer<typeof enrolResponseSchema>;

export interface EnrolDeps {
  db: Knex;
  now: () => Date;
  serverId: string;
}

/** `POST /v1/devices/enrol`: the only unsigned /v1 call; the one-time code is the credential. */
export function registerEnrolRoute(app: FastifyInstance, deps: EnrolDeps): void {
  app.post(
    '/v1/devices/enrol',
    // Codes are 59-bit random, so this is not what keeps guessing out; it keeps noise down.
    { bodyLimit: 16 * 1024, config: { rateLimit: { max: 20, timeWindow: 60_000 } } },
    async (request, reply) => {
      const input = parseOr400(enrolRequestSchema, request.body);
      const publicKey = parseDevicePublicKey(input.publicKey);
      if (!publicKey) throw new HttpError(400, 'sync.enrol.public_key', { field: 'publicKey' });
      const normalisedKey = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
      const now = deps.now();
      const deviceId = uuidv7();
      await deps.db.transaction(async (trx) => {
        const { name, clinicId } = await redeemEnrolCode(trx, input.code, now);
        const inserted = await trx('devices')
          .insert({
            id: deviceId,
            clinic_id: clinicId,
            name: name ?? input.name,
            public_key: normalisedKey,
            enrolled_at: now,
          })
          .onConflict('public_key')
          .ignore()
          .returning('id');
        // Throwing rolls the redemption back: the code stays usable with another key.
        if (inserted.length === 0) throw new HttpError(409, 'sync.enrol.key_taken', { field: 'publicKey' });
        await attachDeviceToCode(trx, input.code, deviceId);
      });
      request.log.info({ deviceId }, 'device enrolled');
      const body: EnrolResponse = { deviceId, serverId: deps.serverId };
      return reply.send(body);
    },
  );
}
