import { hkdfSync } from 'node:crypto';
import type { Knex } from 'knex';
import { newTotpSecret, totpUri, verifyTotpCode, type TotpCheck } from '../../../shared/auth/totp';
import { open, seal } from '../../otp/secret-box';
import type { AccountRow } from './account-store';

/**
 * A patient's authenticator app (TOTP, the third sign-in channel): the secret is made here, shown
 * once, and kept sealed (AES-256-GCM under an HKDF key of the master key, server/otp/secret-box.ts);
 * the last accepted step is kept, so a code is never accepted twice.
 */
export function cabinetTotpKey(masterKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'medcard cabinet totp secrets v1', 32));
}

const secretContext = (accountId: string) => `cabinet_accounts.totp_secret:${accountId}`;
const pendingContext = (accountId: string) => `cabinet_accounts.totp_pending:${accountId}`;

/** A new secret waiting for its first code; an enrolled one keeps working until then. */
export async function beginCabinetTotp(
  db: Knex,
  key: Uint8Array,
  account: AccountRow,
  now: Date,
): Promise<{ uri: string; secret: string }> {
  const secret = newTotpSecret();
  await db('cabinet_accounts')
    .where({ id: account.id })
    .update({ totp_pending_sealed: seal(key, pendingContext(account.id), Buffer.from(secret)), updated_at: now });
  return { uri: totpUri(secret, account.email), secret };
}

/** The app's first code makes the pending secret the account's. */
export async function confirmCabinetTotp(
  db: Knex,
  key: Uint8Array,
  account: AccountRow,
  code: string,
  now: Date,
): Promise<TotpCheck | { ok: false; reason: 'no_pending' }> {
  if (!account.totp_pending_sealed) return { ok: false, reason: 'no_pending' };
  const secret = open(key, pendingContext(account.id), account.totp_pending_sealed).toString('utf8');
  const check = verifyTotpCode(secret, code, now, null);
  if (!check.ok) return check;
  await db('cabinet_accounts')
    .where({ id: account.id })
    .update({
      totp_secret_sealed: seal(key, secretContext(account.id), Buffer.from(secret)),
      totp_last_step: check.step,
      totp_pending_sealed: null,
      updated_at: now,
    });
  return check;
}

/** A sign-in code from the app; the accepted step is stored. */
export async function checkCabinetTotp(
  db: Knex,
  key: Uint8Array,
  account: AccountRow,
  code: string,
  now: Date,
): Promise<TotpCheck | { ok: false; reason: 'not_enrolled' }> {
  if (!account.totp_secret_sealed) return { ok: false, reason: 'not_enrolled' };
  const secret = open(key, secretContext(account.id), account.totp_secret_sealed).toString('utf8');
  const lastStep = account.totp_last_step === null ? null : Number(account.totp_last_step);
  const check = verifyTotpCode(secret, code, now, lastStep);
  if (check.ok) await db('cabinet_accounts').where({ id: account.id }).update({ totp_last_step: check.step });
  return check;
}
