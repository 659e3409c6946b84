import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/store/open-store';
import { readSetting } from '../../electron/store/settings';

const bin = resolve('bin/medcard.js');
let dir: string;
const key = randomBytes(32).toString('hex');
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'medcard-cli-yk-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function medcard(args: string[], input = '') {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    input,
    env: { PATH: process.env.PATH ?? '', HOME: dir, MEDCARD_DB_KEY: key },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('medcard yubikey-client', () => {
  it('keeps the YK-VAL client in the encrypted store, the key read from standard input', async () => {
    const db = join(dir, 'desk.db');
    expect(medcard(['init', '--db', db]).code).toBe(0);
    const apiKey = randomBytes(20).toString('base64');
    const done = medcard(['yubikey-client', '--id', '17', '--db', db], `${apiKey}\n`);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain('client 17');
    expect(done.out + done.err).not.toContain(apiKey);
    const store = await openStore({ path: db, key: Buffer.from(key, 'hex'), create: false });
    try {
      expect(store.transaction((tx) => readSetting(tx, 'auth.yubikey.client'))).toEqual({ clientId: 17, apiKey });
    } finally {
      await store.close();
    }
  });

  it('refuses a missing id and a key that is not base64, in both languages, and keeps what was there', () => {
    const db = join(dir, 'desk.db');
    expect(medcard(['yubikey-client', '--db', db], 'x').code).toBe(2);
    const bad = medcard(['yubikey-client', '--id', '18', '--db', db], 'not base64 at all!\n');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Клиент YK-VAL');
    expect(bad.err).toContain('YK-VAL client');
  });
});
