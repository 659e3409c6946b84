import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../../shared/errors/app-error';

/**
 * A clear key file, readable by its owner only (mode 0600), that lies somewhere else than the
 * database (a removable medium, `MEDCARD_DB_KEY_FILE`). A key file in the database's own folder is
 * refused: whoever copies the folder — a stolen disk, a backup — would carry the key with it.
 */
export function readKeyFile(keyFile: string, dbPath: string): Buffer {
  if (besideDatabase(keyFile, dbPath)) {
    throw new AppError('store.key.beside_db', { params: { path: keyFile, db: dbPath } });
  }
  if (!existsSync(keyFile)) throw new AppError('store.key.missing');
  return readOwnerOnlyKey(keyFile);
}

/** The key file of desks made before issue 10 (`desk.db.key`), read only to be protected and deleted. */
export function readOwnerOnlyKey(keyFile: string): Buffer {
  const mode = statSync(keyFile).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new AppError('store.key.file_mode', {
      params: { path: keyFile, mode: mode.toString(8).padStart(4, '0') },
    });
  }
  return parseHexKey(readFileSync(keyFile, 'utf8'));
}

export function besideDatabase(keyFile: string, dbPath: string): boolean {
  return dirname(resolve(keyFile)) === dirname(resolve(dbPath));
}

export function parseHexKey(text: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new AppError('store.key.format');
  return Buffer.from(hex, 'hex');
}
