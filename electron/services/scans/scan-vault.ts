import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors/app-error';

/**
 * Scan files at rest (B4): AES-256-GCM with a key derived from the desk's store key, one file per
 * content, named by the SHA-256 of the plaintext (the address the server's blobs use too).
 */
export interface ScanVault {
  readonly dir: string;
  /** Seals and writes the content; `created` is false when the content was already kept. */
  put(content: Buffer): Promise<{ sha256: string; created: boolean }>;
  /** The content, after checking the GCM tag and the SHA-256 against the name. */
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): boolean;
  remove(sha256: string): Promise<void>;
  /** Removes temp files a crash left behind, older than `before` (a write in flight is younger). */
  removeLeftovers(before: Date): Promise<number>;
}

/** The vault of a database: `desk.db` keeps its scans in `desk.db.scans/`, beside its key file. */
export function scanVaultDir(databasePath: string): string {
  return `${databasePath}.scans`;
}

const magic = Buffer.from('MCSV1');
const ivBytes = 12;
const tagBytes = 16;
const hexSha256 = /^[0-9a-f]{64}$/;

/** HKDF-SHA256 of the 32-byte store key: the vault key is never the SQLCipher key itself. */
export function deriveScanKey(storeKey: Buffer): Buffer {
  if (storeKey.length !== 32) throw new AppError('store.key.format');
  return Buffer.from(hkdfSync('sha256', storeKey, 'medcard-desk scan vault', 'aes-256-gcm scan files v1', 32));
}

export function createScanVault(options: { dir: string; storeKey: Buffer }): ScanVault {
  const key = deriveScanKey(options.storeKey);
  const dir = options.dir;
  const pathOf = (sha256: string) => {
    if (!hexSha256.test(sha256)) throw new AppError('scan.file.missing', { params: { sha256 } });
    return join(dir, sha256.slice(0, 2), sha256);
  };

  return {
    dir,
    has: (sha256) => existsSync(pathOf(sha256)),
    async put(content) {
      const sha256 = createHash('sha256').update(content).digest('hex');
      const path = pathOf(sha256);
      const created = !existsSync(path);
      // Written again even when present: same content, and a damaged copy is healed.
      await writeAtomically(dir, path, seal(key, sha256, content));
      return { sha256, created };
    },
    async get(sha256) {
      const path = pathOf(sha256);
      const sealed = await readFile(path).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'ENOENT' ? new AppError('scan.file.missing', { params: { sha256 } }) : error;
      });
      const content = unseal(key, sha256, sealed);
      if (createHash('sha256').update(content).digest('hex') !== sha256)
        throw new AppError('scan.file.damaged', { params: { sha256 } });
      return content;
    },
    async remove(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
    async removeLeftovers(before) {
      const names = await readdir(dir).catch(() => []);
      let removed = 0;
      for (const name of names.filter((n) => n.startsWith('.') && n.endsWith('.tmp'))) {
        const path = join(dir, name);
        if ((await stat(path)).mtime < before) {
          await rm(path, { force: true });
          removed += 1;
        }
      }
      return removed;
    },
  };
}

/** The name is the additional data: a file copied under another scan's name does not open. */
function seal(key: Buffer, sha256: string, content: Buffer): Buffer {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.concat([magic, Buffer.from(sha256)]));
  const ciphertext = Buffer.concat([cipher.update(content), cipher.final()]);
  return Buffer.concat([magic, iv, cipher.getAuthTag(), ciphertext]);
}

function unseal(key: Buffer, sha256: string, sealed: Buffer): Buffer {
  const header = magic.length + ivBytes + tagBytes;
  if (sealed.length < header || !sealed.subarray(0, magic.length).equals(magic)) {
    throw new AppError('scan.file.damaged', { params: { sha256 } });
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(magic.length, magic.length + ivBytes));
    decipher.setAAD(Buffer.concat([magic, Buffer.from(sha256)]));
    decipher.setAuthTag(sealed.subarray(magic.length + ivBytes, header));
    return Buffer.concat([decipher.update(sealed.subarray(header)), decipher.final()]);
  } catch {
    throw new AppError('scan.file.damaged', { params: { sha256 } });
  }
}

/** Temp file in the same folder, flushed, then renamed: a reader sees all of it or nothing. */
async function writeAtomically(dir: string, path: string, bytes: Buffer): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${randomBytes(8).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
