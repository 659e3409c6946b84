import { existsSync, lstatSync, mkdirSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';

const envSchema = z.object({ MEDCARD_SERVER_ADMIN_SOCKET: z.string().min(1).max(100).optional() });

/**
 * Where the running server listens for admin commands: MEDCARD_SERVER_ADMIN_SOCKET, else
 * `admin.sock` in a folder beside the data folder (`<MEDCARD_SERVER_DATA>-admin/`: not inside
 * it, where PGlite's dump of its folder would trip over a socket). That folder is the server's
 * user's alone (0700), the socket too (0600): whoever can open it may administer.
 */
export function adminSocketPath(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new AppError('server.config', { params: { name: 'MEDCARD_SERVER_ADMIN_SOCKET' } });
  return resolve(parsed.data.MEDCARD_SERVER_ADMIN_SOCKET ?? join(`${dataDir}-admin`, 'admin.sock'));
}

const ownUid = (): number => process.getuid?.() ?? -1;

/**
 * The server's end: makes the socket's folder (0700), or checks that the one there is ours and
 * closed. An existing folder is never chmod-ed: it may be a shared one (/tmp) named by mistake.
 */
export function prepareSocketFolder(socketPath: string): void {
  const folder = dirname(socketPath);
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  checkFolder(folder);
}

/**
 * The client's end, before anything is sent (a YubiKey's secrets may be): the folder and the
 * socket belong to this user and nobody else can open them. Refused otherwise, never "fixed".
 */
export function checkSocketSafe(socketPath: string): void {
  checkFolder(dirname(socketPath));
  const stats = lstatSync(socketPath);
  if (!stats.isSocket()) throw new AppError('server_ops.admin.not_socket', { params: { path: socketPath } });
  checkOwner(socketPath, stats);
  if ((stats.mode & 0o077) !== 0) {
    throw new AppError('server_ops.admin.open_mode', { params: { path: socketPath, mode: octal(stats.mode) } });
  }
}

function checkFolder(folder: string): void {
  const stats = lstatSync(folder);
  checkOwner(folder, stats);
  if (!stats.isDirectory() || (stats.mode & 0o077) !== 0) {
    throw new AppError('server_ops.admin.open_mode', { params: { path: folder, mode: octal(stats.mode) } });
  }
}

function checkOwner(path: string, stats: Stats): void {
  const uid = ownUid();
  if (uid >= 0 && stats.uid !== uid) {
    throw new AppError('server_ops.admin.foreign_owner', { params: { path, uid: stats.uid } });
  }
}

const octal = (mode: number): string => `0${(mode & 0o777).toString(8)}`;
