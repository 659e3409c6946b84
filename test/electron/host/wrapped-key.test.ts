import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors/app-error';
import { localize } from '../../../shared/errors/catalog';
import { loadOrCreateWrappedKey, type KeyWrapPort, type WrappedKeyStorage } from '../../../electron/host/wrapped-key';

/** Stands in for safeStorage: AES-256-GCM under a key that lives only in this object. */
function aesKeyStore(options: { available?: boolean } = {}): KeyWrapPort & { calls: { encrypt: number } } {
  const osKey = randomBytes(32);
  const calls = { encrypt: 0 };
  return {
    calls,
    isEncryptionAvailable: () => options.available ?? true,
    encryptString(plainText) {
      calls.encrypt += 1;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', osKey, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', osKey, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

function memoryStorage(initial?: string): WrappedKeyStorage & { value: string | undefined; writes: number } {
  const storage = {
    value: initial,
    writes: 0,
    get: () => storage.value,
    set(value: string) {
      storage.value = value;
      storage.writes += 1;
    },
  };
  return storage;
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  return undefined;
}

describe('the wrapped database key', () => {
  it('makes a 256-bit key on first run and stores it wrapped', () => {
    const crypto = aesKeyStore();
    const storage = memoryStorage();

    const key = loadOrCreateWrappedKey(crypto, storage);

    expect(key).toHaveLength(32);
    expect(storage.writes).toBe(1);
    expect(storage.value).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });

  it('returns the same key on the next run without writing again', () => {
    const crypto = aesKeyStore();
    const storage = memoryStorage();
    const first = loadOrCreateWrappedKey(crypto, storage);

    const second = loadOrCreateWrappedKey(crypto, storage);

    expect(second.equals(first)).toBe(true);
    expect(storage.writes).toBe(1);
    expect(crypto.calls.encrypt).toBe(1);
  });

  it('never keeps the key in clear', () => {
    const storage = memoryStorage();
    const key = loadOrCreateWrappedKey(aesKeyStore(), storage);

    const stored = storage.value ?? '';
    const unwrappedBytes = Buffer.from(stored, 'base64');
    for (const clear of [key.toString('hex'), key.toString('base64'), key.toString('hex').toUpperCase()]) {
      expect(stored).not.toContain(clear);
      expect(unwrappedBytes.toString('latin1')).not.toContain(clear);
    }
    expect(unwrappedBytes.includes(key)).toBe(false);
  });

  it('refuses a stored key that does not decrypt, and keeps it', () => {
    const crypto = aesKeyStore();
    const storage = memoryStorage();
    loadOrCreateWrappedKey(crypto, storage);
    const wrapped = Buffer.from(storage.value ?? '', 'base64');
    wrapped[wrapped.length - 1] = (wrapped[wrapped.length - 1] ?? 0) ^ 0xff;
    const corrupted = wrapped.toString('base64');
    storage.value = corrupted;

    expect(codeOf(() => loadOrCreateWrappedKey(crypto, storage))).toBe('host.key.unwrap_failed');
    expect(storage.value).toBe(corrupted);
    expect(storage.writes).toBe(1);
  });

  it('refuses a key wrapped by another OS key store instead of making a new one', () => {
    const storage = memoryStorage();
    loadOrCreateWrappedKey(aesKeyStore(), storage);
    const before = storage.value;

    expect(codeOf(() => loadOrCreateWrappedKey(aesKeyStore(), storage))).toBe('host.key.unwrap_failed');
    expect(storage.value).toBe(before);
    expect(storage.writes).toBe(1);
  });

  it('refuses a stored value that is not base64', () => {
    expect(codeOf(() => loadOrCreateWrappedKey(aesKeyStore(), memoryStorage('not base64!')))).toBe(
      'host.key.unwrap_failed',
    );
  });

  it('refuses a blob that decrypts to something other than a 256-bit key', () => {
    const crypto = aesKeyStore();
    const storage = memoryStorage(crypto.encryptString('short').toString('base64'));

    expect(codeOf(() => loadOrCreateWrappedKey(crypto, storage))).toBe('host.key.unwrap_failed');
  });

  it('refuses to store a key when the OS offers no protection', () => {
    const storage = memoryStorage();

    expect(codeOf(() => loadOrCreateWrappedKey(aesKeyStore({ available: false }), storage))).toBe(
      'host.key.protection_unavailable',
    );
    expect(storage.writes).toBe(0);
  });

  it('refuses to unwrap an existing key when the OS protection went away', () => {
    const storage = memoryStorage();
    loadOrCreateWrappedKey(aesKeyStore(), storage);
    const before = storage.value;

    expect(codeOf(() => loadOrCreateWrappedKey(aesKeyStore({ available: false }), storage))).toBe(
      'host.key.protection_unavailable',
    );
    expect(storage.value).toBe(before);
  });

  it('says what went wrong in Russian and English', () => {
    const text = localize('host.key.protection_unavailable');
    expect(text.ru).toMatch(/хранилищ/);
    expect(text.en).toMatch(/key store/);
  });
});
