import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DeskPaths {
  dbPath: string;
  keyFile: string;
}

/**
 * Where the browser host and the CLI keep the desk's database and key file: `MEDCARD_HOME`, or
 * the XDG data folder. `--db` overrides the database; its key file sits beside it unless
 * `MEDCARD_DB_KEY_FILE` names another (a removable medium, say).
 */
export function deskPaths(env: NodeJS.ProcessEnv, dbOverride?: string): DeskPaths {
  const home = env.MEDCARD_HOME || join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'medcard-desk');
  const dbPath = dbOverride ?? join(home, 'desk.db');
  return { dbPath, keyFile: env.MEDCARD_DB_KEY_FILE || `${dbPath}.key` };
}
