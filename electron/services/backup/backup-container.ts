import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import {
  backupHeaderSchema,
  backupMagic,
  backupManifestSchema,
  type BackupHeader,
  type BackupManifest,
  type BackupPart,
} from '../../../shared/backup/backup-file';
import { AppError } from '../../../shared/errors/app-error';
import { scanVaultDir } from '../scans/scan-vault';
import type { BackupKeys } from './backup-keys';
import { SinkWriter } from './part-stream';
import type { ProgressSink } from './backup-progress';

const magic = Buffer.from(backupMagic, 'latin1');
/** A header or manifest longer than this is no backup of ours. */
const maxBlock = 16 * 1024 * 1024;

/** A part to pack: its facts (hashed beforehand) and where its bytes are read from. */
export interface PackedPart extends BackupPart {
  source: string;
}

/**
 * Writes the container to `sink` (a file opened under a temp name by the caller). A part whose
 * bytes changed since they were hashed fails the write (`backup.source_changed`).
 */
export async function writeContainer(
  sink: Writable,
  options: { keys: BackupKeys; deskId: string; createdAt: Date; schemaVersion: string; parts: PackedPart[] },
  progress: ProgressSink,
): Promise<number> {
  const iv = randomBytes(12);
  const manifest: BackupManifest = {
    deskId: options.deskId,
    parts: options.parts.map(({ kind, name, size, sha256 }) => ({ kind, name, size, sha256 })),
  };
  const cipher = createCipheriv('aes-256-gcm', options.keys.manifest, iv);
  // The tag is known only after encrypting, and the header carries it: the header as written is
  // the additional data of a second pass, so both bind each other.
  const headerWithout: Omit<BackupHeader, 'tag'> = {
    format: 1,
    deskId: options.deskId,
    createdAt: options.createdAt.toISOString(),
    schemaVersion: options.schemaVersion,
    keyCheck: options.keys.check,
    iv: iv.toString('hex'),
  };
  cipher.setAAD(Buffer.from(JSON.stringify(headerWithout)));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(manifest)), cipher.final()]);
  const header: BackupHeader = { ...headerWithout, tag: cipher.getAuthTag().toString('hex') };
  const headerBytes = Buffer.from(JSON.stringify(header));

  const writer = new SinkWriter(sink);
  const bytesTotal = options.parts.reduce((sum, part) => sum + part.size, 0);
  let bytesDone = 0;
  try {
    await writer.write(Buffer.concat([magic, u32(headerBytes.length), headerBytes, u32(sealed.length), sealed]));
    for (const [index, part] of options.parts.entries()) {
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of createReadStream(part.source, { highWaterMark: 1 << 20 })) {
        const bytes = chunk as Buffer;
        size += bytes.length;
        if (size > part.size) break;
        hash.update(bytes);
        await writer.write(bytes);
        bytesDone += bytes.length;
        progress({ phase: 'write', bytesDone, bytesTotal, partsDone: index, partsTotal: options.parts.length });
      }
      if (size !== part.size || hash.digest('hex') !== part.sha256) {
        throw new AppError('backup.source_changed', { params: { part: part.name } });
      }
    }
    await writer.end();
  } catch (error) {
    writer.destroy();
    throw error;
  }
  return writer.bytes;
}

const u32 = (n: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(n);
  return bytes;
};

/** A backup's header and manifest, read and checked, with where its parts start. */
export interface OpenedBackup {
  header: BackupHeader;
  manifest: BackupManifest;
  partsOffset: number;
  fileSize: number;
}

/**
 * Reads a backup's header and manifest and refuses, with its own code, a file that is not one
 * (`backup.not_backup`), cut short (`backup.truncated`), from another desk (`backup.other_desk`),
 * under another key (`backup.wrong_key`) or changed (`backup.tampered`). Nothing is written.
 */
export async function openContainer(path: string, keys: BackupKeys, deskId: string | null): Promise<OpenedBackup> {
  let fileSize: number;
  try {
    fileSize = statSync(path).size;
  } catch {
    throw new AppError('backup.file_missing', { params: { path } });
  }
  const handle = await open(path, 'r');
  try {
    const read = async (offset: number, length: number): Promise<Buffer> => {
      if (offset + length > fileSize) throw new AppError('backup.truncated', { params: { path } });
      const bytes = Buffer.alloc(length);
      await handle.read(bytes, 0, length, offset);
      return bytes;
    };
    if (fileSize < magic.length) throw new AppError('backup.truncated', { params: { path } });
    if (!(await read(0, magic.length)).equals(magic)) throw new AppError('backup.not_backup', { params: { path } });
    let offset = magic.length;
    const block = async (): Promise<Buffer> => {
      const length = (await read(offset, 4)).readUInt32BE();
      if (length > maxBlock) throw new AppError('backup.tampered', { params: { path } });
      const bytes = await read(offset + 4, length);
      offset += 4 + length;
      return bytes;
    };
    const headerBytes = await block();
    const parsed = backupHeaderSchema.safeParse(parseJson(headerBytes));
    if (!parsed.success) throw new AppError('backup.tampered', { params: { path } });
    const header = parsed.data;
    if (header.keyCheck !== keys.check) {
      if (deskId !== null && header.deskId !== deskId) throw otherDesk(path, header.deskId);
      throw new AppError('backup.wrong_key', { params: { path } });
    }
    const sealed = await block();
    const manifest = openManifest(header, sealed, keys, path);
    if (deskId !== null && (header.deskId !== deskId || manifest.deskId !== deskId)) {
      throw otherDesk(path, header.deskId);
    }
    const expected = offset + manifest.parts.reduce((sum, part) => sum + part.size, 0);
    if (fileSize < expected) throw new AppError('backup.truncated', { params: { path } });
    if (fileSize > expected) throw new AppError('backup.tampered', { params: { path } });
    return { header, manifest, partsOffset: offset, fileSize };
  } finally {
    await handle.close();
  }
}

function otherDesk(path: string, deskId: string): AppError {
  return new AppError('backup.other_desk', { params: { path, deskId } });
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

function openManifest(header: BackupHeader, sealed: Buffer, keys: BackupKeys, path: string): BackupManifest {
  const { tag, ...headerWithout } = header;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.manifest, Buffer.from(header.iv, 'hex'));
    decipher.setAAD(Buffer.from(JSON.stringify(headerWithout)));
    decipher.setAuthTag(Buffer.from(tag, 'hex'));
    const plain = Buffer.concat([decipher.update(sealed), decipher.final()]);
    const manifest = backupManifestSchema.safeParse(parseJson(plain));
    if (manifest.success) return manifest.data;
  } catch {
    // A failed tag: the header or the manifest was changed.
  }
  throw new AppError('backup.tampered', { params: { path } });
}

/**
 * Unpacks every part into `dir` (`desk.db`, and the vault's files under `desk.db.scans/`),
 * checking each part's SHA-256 as it goes: a changed byte fails with `backup.tampered`.
 */
export async function unpackContainer(
  path: string,
  opened: OpenedBackup,
  dir: string,
  progress: ProgressSink,
): Promise<{ dbPath: string; vaultDir: string }> {
  const dbPath = join(dir, 'desk.db');
  const vaultDir = scanVaultDir(dbPath);
  const parts = opened.manifest.parts;
  const bytesTotal = parts.reduce((sum, part) => sum + part.size, 0);
  let offset = opened.partsOffset;
  let bytesDone = 0;
  for (const [index, part] of parts.entries()) {
    const target = part.kind === 'database' ? dbPath : join(vaultDir, part.name);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    const hash = createHash('sha256');
    const writer = new SinkWriter(createWriteStream(target, { flags: 'wx', mode: 0o600 }));
    try {
      if (part.size > 0) {
        const stream = createReadStream(path, { start: offset, end: offset + part.size - 1, highWaterMark: 1 << 20 });
        for await (const chunk of stream) {
          hash.update(chunk as Buffer);
          await writer.write(chunk as Buffer);
          bytesDone += (chunk as Buffer).length;
          progress({ phase: 'unpack', bytesDone, bytesTotal, partsDone: index, partsTotal: parts.length });
        }
      }
      await writer.end();
    } catch (error) {
      writer.destroy();
      throw error;
    }
    if (hash.digest('hex') !== part.sha256)
      throw new AppError('backup.tampered', { params: { path, part: part.name } });
    offset += part.size;
  }
  return { dbPath, vaultDir };
}
