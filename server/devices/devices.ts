import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Knex } from 'knex';
import { HttpError } from '../http/http-error';

export interface DeviceRow {
  id: string;
  /** The clinic it was enrolled into (its enrol code's): all it reads and writes is that clinic's. */
  clinicId: string;
  name: string;
  publicKey: string;
  enrolledAt: Date;
  revokedAt: Date | null;
}

interface DeviceDbRow {
  id: string;
  clinic_id: string;
  name: string;
  public_key: string;
  enrolled_at: Date | string;
  revoked_at: Date | string | null;
}

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

function fromDb(row: DeviceDbRow): DeviceRow {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    name: row.name,
    publicKey: row.public_key,
    enrolledAt: toDate(row.enrolled_at),
    revokedAt: row.revoked_at === null ? null : toDate(row.revoked_at),
  };
}

export async function findDevice(db: Knex, id: string): Promise<DeviceRow | undefined> {
  const row = await db<DeviceDbRow>('devices').where({ id }).first();
  return row ? fromDb(row) : undefined;
}

/** Enrolled devices, of one clinic when named. */
export async function listDevices(db: Knex, clinicId?: string): Promise<DeviceRow[]> {
  const query = db<DeviceDbRow>('devices').orderBy('enrolled_at');
  const rows = await (clinicId === undefined ? query : query.where({ clinic_id: clinicId }));
  return rows.map(fromDb);
}

/** Revocation takes effect on the device's next request: devices are looked up every time. */
export async function revokeDevice(db: Knex, id: string, now: Date): Promise<DeviceRow> {
  const updated = await db<DeviceDbRow>('devices')
    .where({ id })
    .update({ revoked_at: db.raw('coalesce(revoked_at, ?)', [now]) as unknown as Date })
    .returning('*');
  const row = updated[0];
  if (!row) throw new HttpError(404, 'sync.device.not_found', { params: { id } });
  return fromDb(row);
}

/** An Ed25519 public key from SPKI DER in base64, or undefined when it is anything else. */
export function parseDevicePublicKey(base64: string): KeyObject | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  try {
    const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}
