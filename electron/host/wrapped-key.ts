import { randomBytes } from 'node:crypto';

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

export type WrappedKeyErrorCode = 'host.key.protection_unavailable' | 'host.key.unwrap_failed';

const texts: Record<WrappedKeyErrorCode, { ru: string; en: string }> = {
  'host.key.protection_unavailable': {
    ru: 'Нет защищённого хранилища ключей ОС (связка ключей, Keychain, DPAPI): ключ базы данных не будет сохранён без защиты',
    en: "The OS key store (keyring, Keychain, DPAPI) is not available: the database key won't be stored unprotected",
  },
  'host.key.unwrap_failed': {
    ru: 'Сохранённый ключ базы данных не удалось расшифровать; новый ключ не создан, чтобы не потерять доступ к базе',
    en: 'The stored database key could not be decrypted; no new key was made, so the database stays reachable',
  },
};

/** Why the database key could not be obtained; carries both texts so the host can show them. */
export class WrappedKeyError extends Error {
  readonly code: WrappedKeyErrorCode;
  readonly text: { ru: string; en: string };

  constructor(code: WrappedKeyErrorCode, options?: { cause?: unknown }) {
    super(`${code}: ${texts[code].en}`, options);
    this.name = 'WrappedKeyError';
    this.code = code;
    this.text = texts[code];
  }
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
  if (!crypto.isEncryptionAvailable()) throw new WrappedKeyError('host.key.protection_unavailable');

  const stored = storage.get();
  if (stored !== undefined) return unwrap(crypto, stored);

  const key = randomBytes(KEY_BYTES);
  storage.set(crypto.encryptString(key.toString('hex')).toString('base64'));
  return key;
}

function unwrap(crypto: KeyWrapPort, stored: string): Buffer {
  if (!BASE64.test(stored) || stored.length % 4 !== 0) throw new WrappedKeyError('host.key.unwrap_failed');
  let hex: string;
  try {
    hex = crypto.decryptString(Buffer.from(stored, 'base64'));
  } catch (cause) {
    throw new WrappedKeyError('host.key.unwrap_failed', { cause });
  }
  if (!HEX_KEY.test(hex)) throw new WrappedKeyError('host.key.unwrap_failed');
  return Buffer.from(hex, 'hex');
}
