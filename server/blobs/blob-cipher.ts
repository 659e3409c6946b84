import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SealedChunk {
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/** Names a key without revealing it, so a chunk can say which key sealed it. */
export function blobKeyId(key: Buffer): string {
  return createHash('sha256').update('medcard blob key id\0').update(key).digest('hex').slice(0, 16);
}

/**
 * The chunk's blob and offset are its additional data: a chunk moved to another blob or place
 * in the database fails to open instead of yielding someone else's bytes.
 */
function additionalData(sha256: string, offset: number): Buffer {
  return Buffer.from(`${sha256}:${offset}`);
}

export function sealChunk(key: Buffer, sha256: string, offset: number, plain: Buffer): SealedChunk {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additionalData(sha256, offset));
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

export function openChunk(key: Buffer, sha256: string, offset: number, sealed: SealedChunk): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(additionalData(sha256, offset));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}
