import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/errors/app-error';

/**
 * The database key for the browser host and the CLI: `MEDCARD_DB_KEY` (64 hex digits), or a key
 * file readable by its owner only (mode 0600). Electron keeps its key wrapped by the OS instead.
 */
export function readKey(options: { env: NodeJS.ProcessEnv; keyFile: string }): Buffer {
  const fromEnv = options.env.MEDCARD_DB_KEY;
  if (fromEnv !== undefined && fromEnv !== '') return parseHexKey(fromEnv);
  if (!existsSync(options.keyFile)) throw new AppError('store.key.missing');
  const mode = statSync(options.keyFile).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new AppError('store.key.file_mode', {
      params: { path: options.keyFile, mode: mode.toString(8).padStart(4, '0') },
    });
  }
  return parseHexKey(readFileSync(options.keyFile, 'utf8'));
}

/** First run: 256 random bits, written with mode 0600 and never over an existing file. */
export function createKeyFile(keyFile: string): Buffer {
  const key = randomBytes(32);
  writeFileSync(keyFile, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

export function parseHexKey(text: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new AppError('store.key.format');
  return Buffer.from(hex, 'hex');
}
