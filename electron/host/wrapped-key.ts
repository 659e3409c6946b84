import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors/app-error';

/** The OS-backed encryption the key is wrapped with (Electron's safeStorage in the app). */
export interface KeyWrapPort {
  /** False when the OS offers no real protection (e.g. Linux without a keyring). */
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Where the wrapped key is kept between runs (electron-store in the app). */
export interface WrappedKeyStorage {
  get(): string | undefined;
  set(value: string): void;
}

const KEY_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const HEX_KEY = /^[0-9a-f]{64}$/;

/**
 * The 256-bit database key: made on first run, kept only wrapped by the OS key store, and
 * unwrapped on later runs. A stored key that does not unwrap is an error, never replaced: a new
 * key would orphan the existing database.
 */
export function loadOrCreateWrappedKey(crypto: KeyWrapPort, storage: WrappedKeyStorage): Buffer {
  if (!crypto.isEncryptionAvailable()) throw new AppError('host.key.protection_unavailable');

  const stored = storage.get();
  if (stored !== undefined) return unwrap(crypto, stored);

  const key = randomBytes(KEY_BYTES);
  storage.set(crypto.encryptString(key.toString('hex')).toString('base64'));
  return key;
}

function unwrap(crypto: KeyWrapPort, stored: string): Buffer {
  if (!BASE64.test(stored) || stored.length % 4 !== 0) throw new AppError('host.key.unwrap_failed');
  let hex: string;
  try {
    hex = crypto.decryptString(Buffer.from(stored, 'base64'));
  } catch {
    throw new AppError('host.key.unwrap_failed');
  }
  if (!HEX_KEY.test(hex)) throw new AppError('host.key.unwrap_failed');
  return Buffer.from(hex, 'hex');
}
