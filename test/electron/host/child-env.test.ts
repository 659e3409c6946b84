import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../../../electron/auth/fido2-tool-run';
import { childEnv, systemProgram } from '../../../electron/host/child-env';

let dir = '';
let printEnv = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'medcard-child-env-'));
  // A stand-in tool: prints the environment it was given, one NAME=value a line.
  printEnv = join(dir, 'print-env');
  writeFileSync(
    printEnv,
    `#!${process.execPath}\nfor (const [k, v] of Object.entries(process.env)) process.stdout.write(k + '=' + v + '\\n');\n`,
  );
  chmodSync(printEnv, 0o755);
  // The same name as a libfido2 tool, in a folder someone put first on PATH.
  writeFileSync(join(dir, 'fido2-token'), `#!/bin/sh\necho planted\n`);
  chmodSync(join(dir, 'fido2-token'), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the desk's child processes (issue 10 item 9)", () => {
  it('the children see no MEDCARD_DB_KEY: a tool gets a clean environment', async () => {
    const saved = { ...process.env };
    process.env.MEDCARD_DB_KEY = 'a'.repeat(64);
    process.env.MEDCARD_DB_PASSPHRASE_FILE = '/secret/passphrase';
    process.env.SOME_OTHER = 'x';
    try {
      const run = await runTool(printEnv, [], '', 10_000);
      expect(run.outcome).toBe('ok');
      const printed = run.outcome === 'ok' ? run.stdout : '';
      expect(printed).not.toContain('MEDCARD_');
      expect(printed).not.toContain('a'.repeat(64));
      expect(printed).not.toContain('SOME_OTHER');
      expect(printed).toContain('PATH=/usr/bin:/bin:');
    } finally {
      process.env = saved;
    }
  });

  it('a tool named bare is found in the fixed system folders, never through PATH', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = `${dir}:${savedPath ?? ''}`;
    try {
      expect(systemProgram('fido2-token', ['/nonexistent'])).toBeUndefined();
      expect(systemProgram('fido2-token', [dir])).toBe(join(dir, 'fido2-token'));
      const run = await runTool('fido2-token', ['-L'], '', 10_000);
      if (run.outcome === 'ok') expect(run.stdout).not.toContain('planted');
      expect(systemProgram('sh')).toMatch(/^\/(usr\/)?bin\/sh$/);
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('only the variables a child is named to need pass, and never a MEDCARD_ one', () => {
    const env = childEnv(['DBUS_SESSION_BUS_ADDRESS', 'MEDCARD_DB_KEY'], {
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/bus',
      MEDCARD_DB_KEY: 'secret',
      HOME: '/home/x',
    });
    expect(env).toEqual({
      PATH: expect.any(String) as string,
      LC_ALL: 'C',
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/bus',
    });
  });
});
