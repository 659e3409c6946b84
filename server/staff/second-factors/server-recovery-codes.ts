import { createHmac, randomInt } from 'node:crypto';
import type { Knex } from 'knex';
import { normalizeRecoveryCode, recoveryCodeCount, recoveryCodeText } from '../../../shared/auth/recovery-code-text';

/** HMAC-SHA-256 under the server's pepper (factor-keys.ts says why not argon2id). */
export function recoveryCodeMac(pepper: Uint8Array, code: string): string {
  return createHmac('sha256', pepper).update(normalizeRecoveryCode(code), 'utf8').digest('hex');
}

/** A fresh set; the usable codes of the older one are retired. Shown once: only MACs are kept. */
export async function issueServerRecoveryCodes(
  trx: Knex.Transaction,
  pepper: Uint8Array,
  staffId: string,
  now: Date,
): Promise<string[]> {
  await trx('staff_recovery_codes')
    .where({ staff_id: staffId })
    .whereNull('used_at')
    .whereNull('revoked_at')
    .update({ revoked_at: now });
  const codes = new Set<string>();
  while (codes.size < recoveryCodeCount) codes.add(recoveryCodeText(randomInt));
  await trx('staff_recovery_codes').insert(
    [...codes].map((code) => ({ staff_id: staffId, code_mac: recoveryCodeMac(pepper, code), created_at: now })),
  );
  await trx('staff_factor_state')
    .insert({ staff_id: staffId, must_renew_recovery_codes: false })
    .onConflict('staff_id')
    .merge(['must_renew_recovery_codes']);
  return [...codes];
}

/**
 * Spends a code: one conditional UPDATE, so a code is accepted once across every desk and
 * instance. Returns the usable codes left, or null for a wrong or spent code.
 */
export async function spendServerRecoveryCode(
  trx: Knex.Transaction,
  pepper: Uint8Array,
  who: { staffId: string; deviceId: string },
  code: string,
  now: Date,
): Promise<number | null> {
  const spent = await trx('staff_recovery_codes')
    .where({ staff_id: who.staffId, code_mac: recoveryCodeMac(pepper, code) })
    .whereNull('used_at')
    .whereNull('revoked_at')
    .update({ used_at: now, used_device_id: who.deviceId })
    .returning('id');
  if (spent.length === 0) return null;
  return usableRecoveryCodes(trx, who.staffId);
}

export async function usableRecoveryCodes(db: Knex, staffId: string): Promise<number> {
  const row = await db('staff_recovery_codes')
    .where({ staff_id: staffId })
    .whereNull('used_at')
    .whereNull('revoked_at')
    .count<{ n: number | string }[]>('id as n')
    .first();
  return Number(row?.n ?? 0);
}
