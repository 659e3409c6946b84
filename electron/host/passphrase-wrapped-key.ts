import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { hashRaw, type Algorithm } from '@node-rs/argon2';
import { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';

/**
 * The database key wrapped under a passphrase, for desks with no OS keyring: an argon2id
 * key-encryption key (64 MiB, 3 passes — about half a second, once per start) and AES-256-GCM.
 * The file holds no secret by itself, so it may lie beside the database; the parameters travel
 * in it, so that they can be raised later without orphaning older files.
 */
const wrappedKeySchema = z.strictObject({
  format: z.literal('medcard-wrapped-key/1'),
  kdf: z.strictObject({
    name: z.literal('argon2id'),
    memoryKiB: z.number().int().min(19_456).max(4_194_304),
    passes: z.number().int().min(1).max(100),
    salt: z.base64(),
  }),
  iv: z.base64(),
  tag: z.base64(),
  ciphertext: z.base64(),
});
export type WrappedKeyFile = z.infer<typeof wrappedKeySchema>;

export const passphraseMinLength = 12;
const kdfDefaults = { memoryKiB: 65_536, passes: 3 };

async function keyEncryptionKey(passphrase: string, kdf: WrappedKeyFile['kdf']): Promise<Buffer> {
  return hashRaw(passphrase.normalize('NFC'), {
    algorithm: 2 as Algorithm, // Argon2id
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.passes,
    parallelism: 1,
    outputLen: 32,
    salt: Buffer.from(kdf.salt, 'base64'),
  });
}

export async function wrapKey(key: Buffer, passphrase: string): Promise<WrappedKeyFile> {
  if ([...passphrase].length < passphraseMinLength) {
    throw new AppError('store.key.passphrase_short', { params: { min: passphraseMinLength } });
  }
  const kdf = { name: 'argon2id' as const, ...kdfDefaults, salt: randomBytes(16).toString('base64') };
  const sealed = sealKey(await keyEncryptionKey(passphrase, kdf), key, Buffer.from('medcard-wrapped-key/1'));
  return { format: 'medcard-wrapped-key/1', kdf, ...sealed };
}

/** A key sealed with AES-256-GCM under a key-encryption key: what every wrapped copy of it holds. */
export interface SealedKey {
  iv: string;
  tag: string;
  ciphertext: string;
}

/** Seals a 32-byte key under `kek`; `aad` binds it to where it is kept (a file's format, a credential). */
export function sealKey(kek: Buffer, key: Buffer, aad: Buffer): SealedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The sealed 32-byte key, or undefined when `kek` or `aad` is not the one it was sealed with (or it was changed). */
export function openSealedKey(kek: Buffer, sealed: SealedKey, aad: Buffer): Buffer | undefined {
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  try {
    const key = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
    return key.length === 32 ? key : undefined;
  } catch {
    return undefined;
  }
}

/** A wrong passphrase and a changed file are one refusal: GCM cannot tell them apart. */
export async function unwrapKey(text: string, passphrase: string): Promise<Buffer> {
  const file = parseWrappedKey(text);
  const key = openSealedKey(await keyEncryptionKey(passphrase, file.kdf), file, Buffer.from(file.format));
  if (!key) throw new AppError('store.key.passphrase_wrong');
  return key;
}

function parseWrappedKey(text: string): WrappedKeyFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('store.key.wrapped_malformed');
  }
  const parsed = wrappedKeySchema.safeParse(json);
  if (!parsed.success) throw new AppError('store.key.wrapped_malformed');
  return parsed.data;
}
