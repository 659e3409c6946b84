import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretToolKeyring } from '../../../electron/host/os-keyring';

const keyring = await secretToolKeyring();
if (!keyring) {
  console.warn(
    'os-keyring.test.ts: skipped — no running Secret Service here (needs secret-tool from `apt-get install ' +
      'libsecret-tools` and a desktop session with GNOME Keyring or KWallet, DBUS_SESSION_BUS_ADDRESS set)',
  );
}

describe.skipIf(!keyring)('the OS keyring through secret-tool (issue 10 item 7)', () => {
  it('keeps a database key and finds it again by the database path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medcard-keyring-'));
    try {
      const dbPath = join(dir, 'desk.db');
      const secret = randomBytes(32).toString('hex');
      expect(await keyring?.lookup(dbPath)).toBeUndefined();
      await keyring?.store(dbPath, secret);
      expect(await keyring?.lookup(dbPath)).toBe(secret);
      expect(await keyring?.lookup(join(dir, 'other.db'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('where there is no Secret Service', () => {
  it('no keyring is offered, so the desk wraps its key under a passphrase', async () => {
    expect(await secretToolKeyring({ PATH: '/usr/bin' })).toBeUndefined();
  });
});
