import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors/app-error';
import { secretToolKeyring, type KeyringPort } from '../host/os-keyring';
import { processPassphrase, type PassphraseSource } from '../host/passphrase-source';
import { unwrapKey, wrapKey } from '../host/passphrase-wrapped-key';
import { readBoundKeys } from '../host/prf-bound-keys';
import type { BoundKeysFile } from '../../shared/db-key/bound-keys-file';
import { parseHexKey, readKeyFile } from '../store/key-source';
import type { DeskPaths } from './desk-paths';

/** How a desk opened from Node reaches the places its key may be kept. */
export interface KeyPorts {
  keyring(): Promise<KeyringPort | undefined>;
  passphrase: PassphraseSource;
}

/** Where the key was found or put: what `medcard init` and `key protect` tell the person. */
export type KeyKeeper = 'env' | 'key-file' | 'keyring' | 'passphrase';

export function processKeyPorts(env: NodeJS.ProcessEnv = process.env): KeyPorts {
  let keyring: Promise<KeyringPort | undefined> | undefined;
  return { keyring: () => (keyring ??= secretToolKeyring(env)), passphrase: processPassphrase(env) };
}

/**
 * The key of a desk opened from Node (browser host, CLI), which has no Electron safeStorage:
 * `MEDCARD_DB_KEY` (tests, CI), a key file named by `MEDCARD_DB_KEY_FILE` that lies elsewhere, the
 * key wrapped under a passphrase, or the OS keyring. A clear key file beside the database is
 * refused, saying how to protect it. On the very first run (no database yet) a new key is made
 * and kept in the keyring where there is one, else wrapped under a passphrase chosen now.
 */
export async function deskKey(
  paths: DeskPaths,
  env: NodeJS.ProcessEnv,
  options: { mayCreate: boolean; ports: KeyPorts },
): Promise<{ key: Buffer; keeper: KeyKeeper }> {
  if (env.MEDCARD_DB_KEY) return { key: parseHexKey(env.MEDCARD_DB_KEY), keeper: 'env' };
  if (paths.externalKeyFile) return { key: readKeyFile(paths.externalKeyFile, paths.dbPath), keeper: 'key-file' };
  // Bound to hardware keys: only a touch opens it (the browser host's unlock page, `medcard key recover`).
  if (existsSync(paths.boundKeysFile)) throw new AppError('db_key.locked');
  if (existsSync(paths.wrappedKeyFile)) {
    const passphrase = await options.ports.passphrase.read('unlock');
    return { key: await unwrapKey(readFileSync(paths.wrappedKeyFile, 'utf8'), passphrase), keeper: 'passphrase' };
  }
  const keyring = await options.ports.keyring();
  const kept = await keyring?.lookup(paths.dbPath);
  if (kept !== undefined) return { key: parseHexKey(kept), keeper: 'keyring' };
  // A desk made before issue 10: its clear key file is refused, saying how to protect it.
  if (existsSync(paths.legacyKeyFile)) {
    throw new AppError('store.key.beside_db', { params: { path: paths.legacyKeyFile, db: paths.dbPath } });
  }
  if (options.mayCreate && !existsSync(paths.dbPath)) {
    const key = randomBytes(32);
    return { key, keeper: await keepKey(key, paths, options.ports) };
  }
  throw new AppError('store.key.missing');
}

/**
 * The bound-keys file when it is what opens this desk: it exists and no other source
 * (`MEDCARD_DB_KEY`, `MEDCARD_DB_KEY_FILE`) is configured. The host then asks for a touch.
 */
export function keyBoundToHardware(paths: DeskPaths, env: NodeJS.ProcessEnv): BoundKeysFile | undefined {
  if (env.MEDCARD_DB_KEY || paths.externalKeyFile) return undefined;
  return readBoundKeys(paths.boundKeysFile);
}

/**
 * Deletes the copy of the key kept before it was bound to hardware keys (called once the bound
 * copy has opened the database and a recovery key exists). The passphrase-wrapped file goes; the
 * keyring's entry stays (the keyring port has no removal yet), and so does an env or file source.
 */
export function forgetKeptCopy(keeper: KeyKeeper, paths: DeskPaths): void {
  if (keeper === 'passphrase') rmSync(paths.wrappedKeyFile, { force: true });
}

/** Puts a key where it is kept from now on: the OS keyring, else wrapped under a passphrase. */
export async function keepKey(key: Buffer, paths: DeskPaths, ports: KeyPorts): Promise<'keyring' | 'passphrase'> {
  const keyring = await ports.keyring();
  if (keyring) {
    await keyring.store(paths.dbPath, key.toString('hex'));
    const back = await keyring.lookup(paths.dbPath);
    if (back === undefined || !parseHexKey(back).equals(key)) throw new AppError('host.key.keyring_failed');
    return 'keyring';
  }
  const wrapped = await wrapKey(key, await ports.passphrase.read('new'));
  writeFileSync(paths.wrappedKeyFile, `${JSON.stringify(wrapped, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return 'passphrase';
}
