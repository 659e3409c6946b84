import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

const bin = resolve('bin/medcard.js');

/** What one start of the CLI left: its exit code and what it printed. */
export interface MedcardRun {
  code: number | null;
  out: string;
  err: string;
}

export interface MedcardCli {
  /** The temp folder of the file (or of the test): the CLI's HOME, and where `write` puts files. */
  readonly dir: string;
  /**
   * Starts bin/medcard.js with a bare environment: PATH, HOME = `dir`, the env given to `useMedcardCli`,
   * then `env`.
   */
  run(args: string[], options?: { input?: string; env?: Record<string, string> }): MedcardRun;
  /** Writes a file into `dir` and returns its path. */
  write(name: string, content: string | Uint8Array): string;
}

/**
 * The `medcard` command line in a temp folder: made before the file's tests and removed after them
 * (with `each`, made and removed around every test).
 */
export function useMedcardCli(
  prefix: string,
  options: { each?: boolean; env?: Record<string, string> } = {},
): MedcardCli {
  let dir = '';
  const [before, after] = options.each ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  return {
    get dir() {
      return dir;
    },
    run(args, { input, env = {} } = {}) {
      const result = spawnSync(process.execPath, [bin, ...args], {
        encoding: 'utf8',
        input,
        env: { PATH: process.env.PATH ?? '', HOME: dir, ...options.env, ...env },
        timeout: 60_000,
      });
      return { code: result.status, out: result.stdout, err: result.stderr };
    },
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}
