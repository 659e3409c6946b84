import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the desk looks for the system programs it runs (libfido2's tools, secret-tool): fixed
 * system folders, never the inherited PATH, so that a folder early in someone's PATH cannot
 * put its own `fido2-assert` between the desk and the key. Homebrew's folders are for macOS.
 */
export const systemProgramDirs: readonly string[] = [
  '/usr/bin',
  '/bin',
  '/usr/local/bin',
  '/opt/homebrew/bin',
  '/usr/sbin',
];

/** The absolute path of a system program, or undefined where none of the fixed folders holds it. */
export function systemProgram(name: string, dirs: readonly string[] = systemProgramDirs): string | undefined {
  if (name.includes('/')) return name;
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * The environment a child process gets: a fixed PATH and the C locale, plus only the variables
 * it is named to need (secret-tool needs the session bus). Nothing else of the desk's own
 * environment — `MEDCARD_DB_KEY` above all — reaches a child.
 */
export function childEnv(pass: readonly string[] = [], from: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: systemProgramDirs.join(':'), LC_ALL: 'C' };
  for (const name of pass) {
    const value = from[name];
    if (value !== undefined && !name.startsWith('MEDCARD_')) env[name] = value;
  }
  return env;
}
