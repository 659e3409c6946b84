import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createKeyFile, readKey } from '../store/key-source';
import type { DeskPaths } from './desk-paths';

/**
 * The key for a desk opened from Node (browser host, CLI). On the very first run — no database
 * and no key yet — a key file is made with mode 0600; otherwise the key must already exist.
 */
export function deskKey(paths: DeskPaths, env: NodeJS.ProcessEnv, options: { mayCreate: boolean }): Buffer {
  const firstRun = options.mayCreate && !env.MEDCARD_DB_KEY && !existsSync(paths.dbPath) && !existsSync(paths.keyFile);
  if (firstRun) {
    mkdirSync(dirname(paths.keyFile), { recursive: true, mode: 0o700 });
    return createKeyFile(paths.keyFile);
  }
  return readKey({ env, keyFile: paths.keyFile });
}
