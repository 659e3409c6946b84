import type { Knex } from 'knex';
import { maxClockSkewMs } from '../../shared/sync/protocol';

/**
 * A request is accepted while its time is within ±maxClockSkewMs of ours, so a replay can be
 * attempted until 2 × skew after the first sighting; a nonce is kept a minute beyond that.
 */
export const nonceRetentionMs = 2 * maxClockSkewMs + 60_000;

/** Records a nonce; false when the device has used it before (a replay). */
export async function claimNonce(db: Knex, deviceId: string, nonce: string, now: Date): Promise<boolean> {
  const inserted = await db('request_nonces')
    .insert({ device_id: deviceId, nonce, seen_at: now })
    .onConflict(['device_id', 'nonce'])
    .ignore()
    .returning('nonce');
  return inserted.length === 1;
}

export async function pruneNonces(db: Knex, now: Date): Promise<number> {
  return db('request_nonces')
    .where('seen_at', '<', new Date(now.getTime() - nonceRetentionMs))
    .delete();
}
