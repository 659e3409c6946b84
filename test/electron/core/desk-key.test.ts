import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskKey, type KeyPorts } from '../../../electron/core/desk-key';
import { deskPaths, type DeskPaths } from '../../../electron/core/desk-paths';
import type { KeyringPort } from '../../../electron/host/os-keyring';
import { AppError } from '../../../shared/errors/app-error';
import { localize } from '../../../shared/errors/catalog';

let dir = '';
let paths: DeskPaths;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'medcard-desk-key-'));
  paths = deskPaths({ MEDCARD_HOME: dir });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const passphrase = 'correct horse battery staple';

/** A desk with no keyring whose person types `typed` when asked. */
function noKeyring(typed: string = passphrase): KeyPorts & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    keyring: () => Promise.resolve(undefined),
    passphrase: {
      read: (purpose) => {
        asked.push(purpose);
        return Promise.resolve(typed);
      },
    },
  };
}

/** The keyring's contract held in memory: the real Secret Service is tested in os-keyring.test.ts. */
function memoryKeyring(): KeyPorts & { secrets: Map<string, string> } {
  const secrets = new Map<string, string>();
  const port: KeyringPort = {
    lookup: (db) => Promise.resolve(secrets.get(db)),
    store: (db, secret) => {
      secrets.set(db, secret);
      return Promise.resolve();
    },
  };
  return {
    secrets,
    keyring: () => Promise.resolve(port),
    passphrase: { read: () => Promise.reject(new Error('no passphrase is asked where a keyring is')) },
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe('the database key of a desk without safeStorage (issue 10 item 7)', () => {
  it('the key file beside the database is refused, saying how to protect it', async () => {
    writeFileSync(paths.legacyKeyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    writeFileSync(paths.dbPath, '');
    const ports = noKeyring();
    const error = await deskKey(paths, {}, { mayCreate: true, ports }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('store.key.beside_db');
    const text = localize('store.key.beside_db', (error as AppError).params);
    expect(text.en).toContain(`medcard key protect --db ${paths.dbPath}`);
    expect(text.ru).toContain('medcard key protect');
    expect(ports.asked).toEqual([]);
  });

  it('a key file named by MEDCARD_DB_KEY_FILE but lying in the database folder is refused too', async () => {
    const keyFile = join(dir, 'elsewhere.key');
    writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    const named = deskPaths({ MEDCARD_HOME: dir, MEDCARD_DB_KEY_FILE: keyFile });
    expect(await codeOf(deskKey(named, {}, { mayCreate: false, ports: noKeyring() }))).toBe('store.key.beside_db');
  });

  it('a key file on another medium (MEDCARD_DB_KEY_FILE) is read, 0600 only', async () => {
    const medium = mkdtempSync(join(tmpdir(), 'medcard-medium-'));
    try {
      const key = randomBytes(32);
      const keyFile = join(medium, 'desk.key');
      writeFileSync(keyFile, key.toString('hex'), { mode: 0o600 });
      const named = deskPaths({ MEDCARD_HOME: dir, MEDCARD_DB_KEY_FILE: keyFile });
      const found = await deskKey(named, {}, { mayCreate: false, ports: noKeyring() });
      expect(found).toEqual({ key, keeper: 'key-file' });
    } finally {
      rmSync(medium, { recursive: true, force: true });
    }
  });

  it('without a keyring, the first run wraps a new key under a passphrase and keeps no clear key', async () => {
    const ports = noKeyring();
    const made = await deskKey(paths, {}, { mayCreate: true, ports });
    expect(made.keeper).toBe('passphrase');
    expect(ports.asked).toEqual(['new']);
    expect(statSync(paths.wrappedKeyFile).mode & 0o777).toBe(0o600);
    const stored = readFileSync(paths.wrappedKeyFile, 'utf8');
    expect(stored).not.toContain(made.key.toString('hex'));
    expect(stored).not.toContain(made.key.toString('base64'));
    expect(stored).toContain('argon2id');

    writeFileSync(paths.dbPath, '');
    const again = await deskKey(paths, {}, { mayCreate: true, ports: noKeyring() });
    expect(again.key.equals(made.key)).toBe(true);
    expect(await codeOf(deskKey(paths, {}, { mayCreate: true, ports: noKeyring('not the passphrase') }))).toBe(
      'store.key.passphrase_wrong',
    );
  });

  it('a short passphrase is refused before anything is written', async () => {
    expect(await codeOf(deskKey(paths, {}, { mayCreate: true, ports: noKeyring('short') }))).toBe(
      'store.key.passphrase_short',
    );
    expect(() => statSync(paths.wrappedKeyFile)).toThrow();
  });

  it('a changed wrapped key file is refused, never replaced', async () => {
    await deskKey(paths, {}, { mayCreate: true, ports: noKeyring() });
    writeFileSync(paths.dbPath, '');
    const file = JSON.parse(readFileSync(paths.wrappedKeyFile, 'utf8')) as { ciphertext: string };
    const bytes = Buffer.from(file.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    writeFileSync(paths.wrappedKeyFile, JSON.stringify({ ...file, ciphertext: bytes.toString('base64') }));
    expect(await codeOf(deskKey(paths, {}, { mayCreate: true, ports: noKeyring() }))).toBe(
      'store.key.passphrase_wrong',
    );
    writeFileSync(paths.wrappedKeyFile, '{"format":"something else"}');
    expect(await codeOf(deskKey(paths, {}, { mayCreate: true, ports: noKeyring() }))).toBe(
      'store.key.wrapped_malformed',
    );
  });

  it('with a keyring, the new key is kept there and nothing is written beside the database', async () => {
    const ports = memoryKeyring();
    const made = await deskKey(paths, {}, { mayCreate: true, ports });
    expect(made.keeper).toBe('keyring');
    expect(ports.secrets.get(paths.dbPath)).toBe(made.key.toString('hex'));
    expect(() => statSync(paths.wrappedKeyFile)).toThrow();
    writeFileSync(paths.dbPath, '');
    expect((await deskKey(paths, {}, { mayCreate: false, ports })).key.equals(made.key)).toBe(true);
  });

  it('MEDCARD_DB_KEY stays for tests and CI, and an existing database with no key is refused', async () => {
    const key = randomBytes(32);
    const found = await deskKey(
      paths,
      { MEDCARD_DB_KEY: key.toString('hex') },
      { mayCreate: true, ports: noKeyring() },
    );
    expect(found).toEqual({ key, keeper: 'env' });
    writeFileSync(paths.dbPath, '');
    expect(await codeOf(deskKey(paths, {}, { mayCreate: true, ports: noKeyring() }))).toBe('store.key.missing');
  });
});
