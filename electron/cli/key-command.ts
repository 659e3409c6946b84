import { existsSync, unlinkSync } from 'node:fs';
import { AppError } from '../../shared/errors/app-error';
import { keepKey, processKeyPorts, type KeyKeeper, type KeyPorts } from '../core/desk-key';
import { deskPaths } from '../core/desk-paths';
import { readOwnerOnlyKey } from '../store/key-source';
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
