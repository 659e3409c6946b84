import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DeskPaths {
  dbPath: string;
  /** A clear key file kept elsewhere (`MEDCARD_DB_KEY_FILE`: a removable medium), if one is named. */
  externalKeyFile: string | undefined;
  /** Where desks made before issue 10 kept their clear key: beside the database, now refused. */
  legacyKeyFile: string;
  /** The key wrapped under a passphrase (no secret by itself, so it may lie beside the database). */
  wrappedKeyFile: string;
  /** The key sealed under bound hardware keys' PRF and a recovery key (no secret by itself). */
  boundKeysFile: string;
}

/**
 * Where the browser host and the CLI keep the desk's database and its wrapped key:
 * `MEDCARD_HOME`, or the XDG data folder. `--db` overrides the database.
 */
export function deskPaths(env: NodeJS.ProcessEnv, dbOverride?: string): DeskPaths {
  const home = env.MEDCARD_HOME || join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'medcard-desk');
  const dbPath = dbOverride ?? join(home, 'desk.db');
  return {
    dbPath,
    externalKeyFile: env.MEDCARD_DB_KEY_FILE || undefined,
    legacyKeyFile: `${dbPath}.key`,
    wrappedKeyFile: `${dbPath}.wrapped-key`,
    boundKeysFile: `${dbPath}.bound-keys`,
  };
}
