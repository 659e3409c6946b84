import { existsSync, rmSync, unlinkSync } from 'node:fs';
import { AppError } from '../../shared/errors/app-error';
import { keepKey, processKeyPorts, type KeyKeeper, type KeyPorts } from '../core/desk-key';
import { deskPaths } from '../core/desk-paths';
import { readOwnerOnlyKey } from '../store/key-source';
import { secretLine } from '../host/passphrase-source';
import { openWithRecovery, readBoundKeys } from '../host/prf-bound-keys';
import { proveKeyOpens } from '../services/db-key/key-opens-database';
import { openStore } from '../store/open-store';
import type { Output } from './commands';

export function keptWhere(keeper: KeyKeeper, wrappedKeyFile: string): string {
  switch (keeper) {
    case 'env':
      return 'Key: MEDCARD_DB_KEY (tests and CI only: nothing was stored)';
    case 'key-file':
      return 'Key: the file named by MEDCARD_DB_KEY_FILE';
    case 'keyring':
      return 'Key: kept in the OS keyring (Secret Service)';
    case 'passphrase':
      return `Key: wrapped under your passphrase in ${wrappedKeyFile} (argon2id + AES-256-GCM)`;
  }
}

/**
 * `medcard key protect`: how a desk made before issue 10 moves its clear key file (`desk.db.key`)
 * off the disk: the key is checked against the database, kept in the OS keyring or wrapped under
 * a passphrase, read back, and only then is the clear file deleted.
 */
export async function protectKeyCommand(
  db: string | undefined,
  io: Output,
  ports: KeyPorts = processKeyPorts(),
): Promise<number> {
  const paths = deskPaths(process.env, db);
  if (!existsSync(paths.legacyKeyFile)) {
    throw new AppError('store.key.nothing_to_protect', { params: { db: paths.dbPath } });
  }
  const key = readOwnerOnlyKey(paths.legacyKeyFile);
  // A key that does not open this database must not become the one it is opened with.
  const store = await openStore({ path: paths.dbPath, key, create: false });
  await store.close();
  const keeper = await keepKey(key, paths, ports);
  unlinkSync(paths.legacyKeyFile);
  io.out(keptWhere(keeper, paths.wrappedKeyFile));
  io.out(`Deleted the clear key file ${paths.legacyKeyFile}. Copies of it (backups) still open the database.`);
  return 0;
}

/**
 * `medcard key recover`: when no bound hardware key is left (lost, or its holder gone), the
 * recovery key from the safe opens the desk. It is read at the terminal without echo or from
 * stdin, never from the command line. The unwrapped key must open the database; it is then kept
 * as before binding (the OS keyring, else under a passphrase) and the bound-keys file is deleted,
 * so that the admin binds the keys again under Settings › «Ключ базы данных» (a new recovery key).
 */
export async function recoverKeyCommand(
  db: string | undefined,
  io: Output,
  ports: KeyPorts = processKeyPorts(),
  readSecret: (prompt: string) => Promise<string> = secretLine,
): Promise<number> {
  const paths = deskPaths(process.env, db);
  const file = readBoundKeys(paths.boundKeysFile);
  if (!file) throw new AppError('db_key.nothing_to_recover', { params: { db: paths.dbPath } });
  const key = openWithRecovery(file, await readSecret('Recovery key: '));
  proveKeyOpens(paths.dbPath, key);
  const keeper = await keepKey(key, paths, ports);
  rmSync(paths.boundKeysFile);
  io.out(keptWhere(keeper, paths.wrappedKeyFile));
  io.out(
    `Deleted the bound-keys file ${paths.boundKeysFile}: bind the hardware keys again under Settings › Database key ` +
      '(that makes a new recovery key).',
  );
  return 0;
}
