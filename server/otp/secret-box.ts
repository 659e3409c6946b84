import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * YubiKey AES secrets, private ids and YK-VAL API keys are stored sealed (AES-256-GCM), never
 * in clear. The key is derived from the server's at-rest key (the blob key: every instance and
 * the CLI already share it, and checkBlobKey pins it to the database) with HKDF, so the two
 * uses never share a key and nothing new has to be configured or backed up.
 */
export function yubikeySecretsKey(serverKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', serverKey, Buffer.alloc(0), 'medcard yubikey secrets v1', 32));
}

const format = /^v1\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]*)$/;

/**
 * `v1.<iv>.<tag>.<ciphertext>` (base64url). `context` names the row and column the value belongs
 * to (additional data): a sealed secret copied onto another key's row fails to open instead of
 * authenticating that key.
 */
export function seal(key: Uint8Array, context: string, plain: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The plain bytes; throws when the value is malformed, moved, altered or sealed with another key. */
export function open(key: Uint8Array, context: string, sealed: string): Buffer {
  const parts = format.exec(sealed);
  if (!parts) throw new Error(`A sealed secret (${context}) is malformed`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[1] as string, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(parts[2] as string, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(parts[3] as string, 'base64url')), decipher.final()]);
}
