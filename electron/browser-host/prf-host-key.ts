import { deskKey, forgetKeptCopy, keyBoundToHardware, type KeyPorts } from '../core/desk-key';
import type { DeskPaths } from '../core/desk-paths';
import type { DatabaseKeyAccess } from '../services/db-key/database-key-access';
import type { KeyAwaitingTouch } from './prf-unlock';

/** The database-key calls' access on a desk whose key this host holds and may bind. */
export function bindableAccess(paths: DeskPaths, key: Buffer, forget: () => void): DatabaseKeyAccess {
  return { where: 'bindable', dbPath: paths.dbPath, boundKeysFile: paths.boundKeysFile, key, forgetKeptCopy: forget };
}

/**
 * What the browser host opens its desk with: the bound-keys file when the key is bound to
 * hardware keys and no other source is configured (the host starts locked and its page asks for
 * a touch), else the key from where it is kept (desk-key.ts). A key from `MEDCARD_DB_KEY` or a
 * key file is not bound.
 */
export async function hostKey(
  paths: DeskPaths,
  env: NodeJS.ProcessEnv,
  ports: KeyPorts,
): Promise<{ key: Buffer | KeyAwaitingTouch; databaseKey: (key: Buffer) => DatabaseKeyAccess }> {
  const boundKeys = keyBoundToHardware(paths, env);
  if (boundKeys) return { key: { boundKeys }, databaseKey: (key) => bindableAccess(paths, key, () => undefined) };
  const { key, keeper } = await deskKey(paths, env, { mayCreate: true, ports });
  if (keeper === 'env' || keeper === 'key-file') return { key, databaseKey: () => ({ where: 'other-source' }) };
  return { key, databaseKey: (opened) => bindableAccess(paths, opened, () => forgetKeptCopy(keeper, paths)) };
}
