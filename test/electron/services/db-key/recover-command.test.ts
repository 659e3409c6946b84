import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recoverKeyCommand } from '../../../../electron/cli/key-command';
import { deskKey, type KeyPorts } from '../../../../electron/core/desk-key';
import { deskPaths, type DeskPaths } from '../../../../electron/core/desk-paths';
import {
  bindKey,
  newBoundKeysFile,
  withNewRecoveryKey,
  writeBoundKeys,
} from '../../../../electron/host/prf-bound-keys';
import { openStore } from '../../../../electron/store/open-store';
import { AppError } from '../../../../shared/errors/app-error';

const passphrase = 'correct horse battery staple';
/** A desk with no keyring: the recovered key goes under the passphrase typed here. */
const noKeyring: KeyPorts = {
  keyring: () => Promise.resolve(undefined),
  passphrase: { read: () => Promise.resolve(passphrase) },
};

let dir = '';
let paths: DeskPaths;
let dbKey: Buffer;
let recoveryKey = '';
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'medcard-recover-'));
  paths = deskPaths({}, join(dir, 'desk.db'));
  dbKey = randomBytes(32);
  await (await openStore({ path: paths.dbPath, key: dbKey, create: true })).close();
  const file = newBoundKeysFile();
  const prfOutput = createHmac('sha256', randomBytes(32)).update(Buffer.from(file.prfSalt, 'base64url')).digest();
  const bound = bindKey(file, { dbKey, credentialId: 'AAAA', prfOutput, label: 'Ключ', now: new Date() });
  const withRecovery = withNewRecoveryKey(bound, dbKey);
  recoveryKey = withRecovery.recoveryKey;
  writeBoundKeys(paths.boundKeysFile, withRecovery.file);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const silent = { out: () => undefined, err: () => undefined };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe('medcard key recover (issue 15, A5)', () => {
  it('a typo is refused and changes nothing; the right recovery key opens the desk, keeps its key as before binding and drops the binding', async () => {
    const before = readFileSync(paths.boundKeysFile, 'utf8');
    const typo = recoveryKey.slice(0, 5) + (recoveryKey[5] === 'Z' ? 'Y' : 'Z') + recoveryKey.slice(6);
    expect(await codeOf(recoverKeyCommand(paths.dbPath, silent, noKeyring, () => Promise.resolve(typo)))).toBe(
      'db_key.recovery_typo',
    );
    expect(readFileSync(paths.boundKeysFile, 'utf8')).toBe(before);
    expect(existsSync(paths.wrappedKeyFile)).toBe(false);

    const said: string[] = [];
    const io = { out: (line: string) => said.push(line), err: () => undefined };
    expect(await recoverKeyCommand(paths.dbPath, io, noKeyring, () => Promise.resolve(recoveryKey))).toBe(0);
    expect(existsSync(paths.boundKeysFile)).toBe(false);
    expect(said.join('\n')).toContain('wrapped under your passphrase');
    expect(said.join('\n')).not.toContain(recoveryKey);
    const opened = await deskKey(paths, {}, { mayCreate: false, ports: noKeyring });
    expect(opened).toEqual({ key: dbKey, keeper: 'passphrase' });
  });

  it('a desk whose key is not bound has nothing to recover', async () => {
    rmSync(paths.boundKeysFile);
    expect(await codeOf(recoverKeyCommand(paths.dbPath, silent, noKeyring, () => Promise.resolve(recoveryKey)))).toBe(
      'db_key.nothing_to_recover',
    );
  });
});
