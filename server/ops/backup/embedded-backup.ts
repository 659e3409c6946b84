import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Knex } from 'knex';
import { AppError } from '../../../shared/errors/app-error';
import { checkBlobKey } from '../../blobs/blob-key';
import { lockDataDir } from '../../db/data-dir-lock';
import { embeddedPglite, openServerDb } from '../../db/open';
import { readBackupFile, writeBackupFile, type BackupHeader } from './backup-file';
import { tarWithout } from './tar-filter';

/**
 * What of PGlite's folder stays out of a backup: the blob key (kept apart from the data it
 * opens), the pid lock, the admin socket's folder, and a development server's mail drop.
 */
const notBackedUp = ['blob.key', 'medcard-server.pid', 'admin', 'mail-drop'];

function isNotBackedUp(name: string): boolean {
  const [top = ''] = name.replace(/^\/+/, '').split('/');
  return notBackedUp.includes(top) || top.startsWith('.');
}

/**
 * Writes a backup of the embedded database that `db` has open, blobs included (they live in its
 * tables, sealed under the blob key, and stay so). The single connection is held meanwhile, so
 * the copy falls between transactions: the server's own requests wait for the few seconds it
 * takes, and the folder is checkpointed first, so the copy opens without replaying much WAL.
 */
export async function backupEmbedded(db: Knex, out: string, blobKey: Buffer, now: Date): Promise<BackupHeader> {
  const pglite = embeddedPglite(db);
  if (!pglite) throw new AppError('server_ops.backup.postgres');
  if (existsSync(out)) throw new AppError('server_ops.backup.exists', { params: { path: out } });
  const connection: unknown = await db.client.acquireConnection();
  let tar: Buffer;
  try {
    await pglite.exec('CHECKPOINT');
    const dump = await pglite.dumpDataDir('none');
    tar = tarWithout(Buffer.from(await dump.arrayBuffer()), isNotBackedUp);
  } finally {
    await db.client.releaseConnection(connection);
  }
  const payload = await promisify(gzip)(tar);
  return writeBackupFile(out, payload, blobKey, now);
}

export interface RestoreReport {
  /** The folder the server now runs on (the same path as before). */
  dataDir: string;
  /** Where the folder it replaced was kept, if there was one. */
  keptAs: string | undefined;
  header: BackupHeader;
}

/**
 * Restores a backup into a new folder beside `dataDir`, opens it (migrating it forward, as the
 * server would) and checks its blob key, then swaps it in, keeping the old folder as
 * `<dataDir>.before-restore-<time>`. Refused while a server holds `dataDir`; a file that is cut,
 * changed or made under another key is refused before anything is written.
 */
export async function restoreEmbedded(options: {
  file: string;
  dataDir: string;
  blobKey: Buffer;
  /** The blob key file the key came from, when it is the one in the old folder: copied along. */
  blobKeyFile?: string;
  now: Date;
}): Promise<RestoreReport> {
  const { file, dataDir, blobKey, now } = options;
  const { header, payload } = readBackupFile(file, blobKey);
  let unlock = (): void => undefined;
  if (existsSync(dataDir)) {
    try {
      unlock = lockDataDir(dataDir);
    } catch (error) {
      if (error instanceof AppError && error.code === 'server.data_busy') {
        throw new AppError('server_ops.restore.running', { params: { path: dataDir, pid: error.params.pid ?? '?' } });
      }
      throw error;
    }
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const fresh = join(dirname(dataDir), `${basename(dataDir)}.restoring-${stamp}`);
  try {
    mkdirSync(fresh, { recursive: false, mode: 0o700 });
    try {
      const tar = await promisify(gunzip)(payload);
      const pglite = new PGlite(fresh, {
        extensions: { btree_gist },
        loadDataDir: new Blob([new Uint8Array(tar)], { type: 'application/x-tar' }),
      });
      await pglite.waitReady;
      await pglite.close();
      const db = await openServerDb({ dataDir: fresh });
      try {
        await checkBlobKey(db, blobKey);
      } finally {
        await db.destroy();
      }
    } catch (error) {
      rmSync(fresh, { recursive: true, force: true });
      if (error instanceof AppError) throw error;
      throw new AppError('server_ops.restore.unreadable', { params: { path: file } });
    }
    if (options.blobKeyFile !== undefined) copyFileSync(options.blobKeyFile, join(fresh, 'blob.key'));
    let keptAs: string | undefined;
    if (existsSync(dataDir)) {
      keptAs = `${dataDir}.before-restore-${stamp}`;
      renameSync(dataDir, keptAs);
      // The lock went along with the old folder: it is nobody's there.
      rmSync(join(keptAs, 'medcard-server.pid'), { force: true });
    }
    renameSync(fresh, dataDir);
    return { dataDir, keptAs, header };
  } finally {
    unlock();
  }
}
