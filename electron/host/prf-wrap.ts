import { hkdfSync } from 'node:crypto';
import type { BoundKeysFile } from '../../shared/db-key/bound-keys-file';
import { openSealedKey, sealKey, type SealedKey } from './passphrase-wrapped-key';

/**
 * The keys that seal the database key in the bound-keys file. A hardware key's PRF output (32
 * bytes, from CTAP2 hmac-secret over the desk's salt) and the recovery key are already uniformly
 * random, so HKDF-SHA256 suffices (no slow KDF); its info names the desk and the credential, and
 * the same words are the AEAD's associated data, so an entry moved to another desk or another
 * credential does not open.
 */
type Holder = { kind: 'prf'; credentialId: string } | { kind: 'recovery' };

function context(file: Pick<BoundKeysFile, 'format' | 'desk'>, holder: Holder): Buffer {
  const who = holder.kind === 'prf' ? `prf ${holder.credentialId}` : 'recovery';
  return Buffer.from(`${file.format} desk ${file.desk} ${who}`, 'utf8');
}

function wrappingKey(file: Pick<BoundKeysFile, 'format' | 'desk' | 'prfSalt'>, secret: Buffer, holder: Holder): Buffer {
  const salt = Buffer.from(file.prfSalt, 'base64url');
  return Buffer.from(hkdfSync('sha256', secret, salt, context(file, holder), 32));
}

export function sealUnder(
  file: Pick<BoundKeysFile, 'format' | 'desk' | 'prfSalt'>,
  secret: Buffer,
  holder: Holder,
  dbKey: Buffer,
): SealedKey {
  return sealKey(wrappingKey(file, secret, holder), dbKey, context(file, holder));
}

/** The database key, or undefined when the secret is not the one it was sealed under (or the entry was changed). */
export function openUnder(
  file: Pick<BoundKeysFile, 'format' | 'desk' | 'prfSalt'>,
  secret: Buffer,
  holder: Holder,
  sealed: SealedKey,
): Buffer | undefined {
  if (secret.length !== 32) return undefined;
  return openSealedKey(wrappingKey(file, secret, holder), sealed, context(file, holder));
}
