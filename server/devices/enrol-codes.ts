import { createHash, randomInt } from 'node:crypto';
import type { Knex } from 'knex';
import { defaultClinicId } from '../clinics/clinics';
import { HttpError } from '../http/http-error';

/** No I, L, O, 0, 1: a code read aloud or copied from paper cannot be misread. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const codeLength = 12; // 31^12 ≈ 2^59
export const enrolCodeLifetimeMs = 24 * 60 * 60 * 1000;

/** A fresh one-time code, grouped by four for reading aloud: `ABCD-EFGH-JKMN`. */
export function newEnrolCode(): string {
  let code = '';
  for (let i = 0; i < codeLength; i += 1) code += alphabet[randomInt(alphabet.length)];
  return code.match(/.{4}/g)!.join('-');
}

/** Case, spaces and dashes do not matter when the code is typed in. */
export function normaliseEnrolCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

function hashEnrolCode(code: string): string {
  return createHash('sha256').update(normaliseEnrolCode(code)).digest('hex');
}

/**
 * Stores the code's hash (never the code) and returns the code to print once. The device enrolled
 * with it joins `clinicId` (the default clinic unless named).
 */
export async function createEnrolCode(
  db: Knex,
  options: { name?: string; now: Date; clinicId?: string },
): Promise<{ code: string; expiresAt: Date }> {
  const code = newEnrolCode();
  const expiresAt = new Date(options.now.getTime() + enrolCodeLifetimeMs);
  await db('enrol_codes').insert({
    code_hash: hashEnrolCode(code),
    clinic_id: options.clinicId ?? (await defaultClinicId(db)),
    name: options.name ?? null,
    created_at: options.now,
    expires_at: expiresAt,
  });
  return { code, expiresAt };
}

/**
 * Marks the code used, atomically: of two devices racing with one code (even through two server
 * instances) exactly one UPDATE matches. Returns the name the admin gave, if any, and the clinic
 * the device joins.
 */
export async function redeemEnrolCode(
  trx: Knex.Transaction,
  code: string,
  now: Date,
): Promise<{ name: string | null; clinicId: string }> {
  const codeHash = hashEnrolCode(code);
  const redeemed = await trx('enrol_codes')
    .where({ code_hash: codeHash })
    .whereNull('used_at')
    .where('expires_at', '>', now)
    .update({ used_at: now })
    .returning<{ name: string | null; clinic_id: string }[]>(['name', 'clinic_id']);
  const row = redeemed[0];
  if (row) return { name: row.name, clinicId: row.clinic_id };
  const known = await trx('enrol_codes')
    .where({ code_hash: codeHash })
    .first<{ used_at: Date | null } | undefined>('used_at');
  if (!known) throw new HttpError(403, 'sync.enrol.code_unknown', { field: 'code' });
  if (known.used_at !== null) throw new HttpError(403, 'sync.enrol.code_used', { field: 'code' });
  throw new HttpError(403, 'sync.enrol.code_expired', { field: 'code' });
}

export async function attachDeviceToCode(trx: Knex.Transaction, code: string, deviceId: string): Promise<void> {
  await trx('enrol_codes')
    .where({ code_hash: hashEnrolCode(code) })
    .update({ device_id: deviceId });
}
