import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError } from '../../shared/errors/app-error';
import { findDevice } from '../devices/devices';
import { toNumber } from '../db/values';
import { open, seal } from './secret-box';

/** A YK-VAL client: who may ask /wsapi/2.0/verify, and the key both sides sign with. */
export interface YkvalClient {
  id: number;
  apiKey: Buffer;
  deviceId: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  /** The client's desk has been revoked: it may no longer verify either. */
  deviceRevoked: boolean;
}

interface ClientDbRow {
  id: number | string;
  api_key_sealed: string;
  device_id: string | null;
  created_at: Date | string;
  revoked_at: Date | string | null;
  device_revoked_at?: Date | string | null;
}

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
const apiKeyContext = (id: number) => `yubikey_clients.api_key:${id}`;

/** The largest id an `integer` column holds; ids are parsed against it before any query. */
export const maxClientId = 2_147_483_647;

/**
 * Issues a client and returns its API key (20 random bytes, base64, as Yubico's). The key is
 * shown once: only its sealed form is kept.
 */
export async function createYkvalClient(
  db: Knex,
  secretsKey: Uint8Array,
  options: { deviceId?: string; now: Date },
): Promise<{ id: number; apiKey: string }> {
  if (options.deviceId !== undefined && !(await findDevice(db, options.deviceId))) {
    throw new AppError('sync.device.not_found', { params: { id: options.deviceId } });
  }
  const apiKey = randomBytes(20);
  // The id is taken first because the sealed key names its row (see secret-box.ts).
  const next = await db.raw<{ rows: { id: unknown }[] }>(
    "SELECT nextval(pg_get_serial_sequence('yubikey_clients', 'id')) AS id",
  );
  const id = toNumber(next.rows[0]?.id);
  await db('yubikey_clients').insert({
    id,
    api_key_sealed: seal(secretsKey, apiKeyContext(id), apiKey),
    device_id: options.deviceId ?? null,
    created_at: options.now,
  });
  return { id, apiKey: apiKey.toString('base64') };
}

/** Looked up on every request, never cached: a revocation must bite at once. */
export async function findYkvalClient(db: Knex, secretsKey: Uint8Array, id: number): Promise<YkvalClient | undefined> {
  const row = await db<ClientDbRow>('yubikey_clients as c')
    .leftJoin('devices as d', 'd.id', 'c.device_id')
    .where('c.id', id)
    .first('c.*', 'd.revoked_at as device_revoked_at');
  if (!row) return undefined;
  return {
    id: toNumber(row.id),
    apiKey: open(secretsKey, apiKeyContext(toNumber(row.id)), row.api_key_sealed),
    deviceId: row.device_id,
    createdAt: toDate(row.created_at),
    revokedAt: row.revoked_at === null ? null : toDate(row.revoked_at),
    deviceRevoked: row.device_revoked_at !== null && row.device_revoked_at !== undefined,
  };
}

export async function revokeYkvalClient(db: Knex, id: number, now: Date): Promise<Date> {
  const updated = await db<ClientDbRow>('yubikey_clients')
    .where({ id })
    .update({ revoked_at: db.raw('coalesce(revoked_at, ?)', [now]) as unknown as Date })
    .returning('revoked_at');
  const row = updated[0];
  if (!row?.revoked_at) throw new AppError('yubikey.client.not_found', { params: { id } });
  return toDate(row.revoked_at);
}
