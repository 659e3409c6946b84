import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/store/open-store';
import { readSetting } from '../../../electron/store/settings';
import { useMedcardCli } from '../../support/medcard-cli';

const key = randomBytes(32).toString('hex');
const cli = useMedcardCli('medcard-cli-yk-', { env: { MEDCARD_DB_KEY: key } });
const medcard = (args: string[], input = '') => cli.run(args, { input });

describe('medcard yubikey-client', () => {
  it('keeps the YK-VAL client in the encrypted store, the key read from standard input', async () => {
    const db = join(cli.dir, 'desk.db');
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
    const db = join(cli.dir, 'desk.db');
    expect(medcard(['yubikey-client', '--db', db], 'x').code).toBe(2);
    const bad = medcard(['yubikey-client', '--id', '18', '--db', db], 'not base64 at all!\n');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Клиент YK-VAL');
    expect(bad.err).toContain('YK-VAL client');
  });
});
