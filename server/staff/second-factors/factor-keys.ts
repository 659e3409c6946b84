import { hkdfSync } from 'node:crypto';
import { yubikeySecretsKey } from '../../otp/secret-box';

/**
 * The keys of second factors, derived from the server key with HKDF like the YubiKey secrets'
 * (nothing new to configure or back up; every instance derives the same).
 *
 * Recovery codes are kept as HMAC-SHA-256 under `pepper`, not argon2id: a code has 50 random bits
 * and is checked online only, with wrong codes counted and locked per person, so the hash must
 * only resist an offline search by someone who copied the database — and without the pepper,
 * which never leaves the server (it is not in the database), there is nothing to search. argon2id
 * would cost every check (ten codes per person to compare) and add nothing the pepper does not.
 */
export interface FactorKeys {
  /** Seals TOTP secrets (server/otp/secret-box.ts). */
  sealKey: Buffer;
  pepper: Buffer;
}

export function factorKeys(serverKey: Uint8Array): FactorKeys {
  return {
    sealKey: yubikeySecretsKey(serverKey),
    pepper: Buffer.from(hkdfSync('sha256', serverKey, Buffer.alloc(0), 'medcard recovery code pepper v1', 32)),
  };
}
