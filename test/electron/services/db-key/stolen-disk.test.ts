import { createHash, createHmac, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindableAccess, hostKey } from '../../../../electron/browser-host/prf-host-key';
import { startBrowserHost } from '../../../../electron/browser-host/server';
import { deskKey, forgetKeptCopy, type KeyPorts } from '../../../../electron/core/desk-key';
import { deskPaths, type DeskPaths } from '../../../../electron/core/desk-paths';
import { openWithRecovery, readBoundKeys } from '../../../../electron/host/prf-bound-keys';
import { openStore } from '../../../../electron/store/open-store';
import type { CallInput, CallName } from '../../../../shared/api/contract';
import type { ApiEnvelope } from '../../../../shared/api/facade';
import { AppError } from '../../../../shared/errors/app-error';
import { draft } from '../../../support/fixtures';
import { expectOk, signedInAs, signIn, type CallApi, type StaffMember } from '../../../support/staff-over-api';
import { callWith, cookieOf, exchange } from '../../browser-host/raw-http';

/** A hardware key's PRF as CTAP2 hmac-secret computes it: HMAC-SHA256 under a secret the key never gives out. */
function softwareKey() {
  const secret = randomBytes(32);
  return {
    credentialId: randomBytes(16).toString('base64url'),
    prf: (salt: string) => createHmac('sha256', secret).update(Buffer.from(salt, 'base64url')).digest('base64url'),
  };
}

/** A desk opened from Node with no keyring: where the key would be kept, a passphrase (never asked here). */
const noKeyring: KeyPorts = {
  keyring: () => Promise.resolve(undefined),
  passphrase: { read: () => Promise.reject(new AppError('store.key.passphrase_missing')) },
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

let root = '';
let port = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'medcard-stolen-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>desk</title>');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function hostOver(paths: DeskPaths, key: Awaited<ReturnType<typeof hostKey>>['key'], databaseKey = {}) {
  const host = await startBrowserHost({
    dbPath: paths.dbPath,
    key,
    create: true,
    rendererDir: join(root, 'renderer'),
    // The same origin each time: the staff's keys were enrolled for it (WebAuthn checks it).
    port,
    ...databaseKey,
  });
  port = Number(new URL(host.origin).port);
  const cookie = cookieOf(await exchange(host, host.secret));
  const api: CallApi = async (name, input) =>
    JSON.parse((await callWith(host, cookie, name, input)).body) as ApiEnvelope<unknown>;
  return { host, api };
}

async function refusal(api: CallApi, name: CallName, input: unknown): Promise<string | undefined> {
  const answer = await api(name, input);
  return answer.ok ? undefined : answer.error.code;
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('a stolen disk opens nothing (issue 15, A5)', () => {
  const [alice, bob, stranger] = [softwareKey(), softwareKey(), softwareKey()];
  let admin: StaffMember;
  let clerk: StaffMember;
  let recoveryKey = '';
  let stolen: DeskPaths;

  it('an admin binds the key to two hardware keys; the first binding answers the recovery key once and forgets the kept copy', async () => {
    const paths = deskPaths({ MEDCARD_HOME: join(root, 'clinic') });
    mkdirSync(join(root, 'clinic'));
    writeFileSync(paths.wrappedKeyFile, '{"kept":"before binding"}');
    const { host, api } = await hostOver(paths, randomBytes(32), {
      databaseKey: (key: Buffer) => bindableAccess(paths, key, () => forgetKeptCopy('passphrase', paths)),
    });
    try {
      ({ admin, person: clerk } = await signedInAs(api, host.origin, 'clerk'));
      await expectOk(api, 'patients.create', draft());
      await expectOk(api, 'auth.signOut', {});
      await signIn(api, admin);
      expect(await expectOk(api, 'dbKey.status', {})).toEqual({ where: 'bindable', keys: [], recoveryKey: false });

      const bindWith = async (key: ReturnType<typeof softwareKey>, label: string) => {
        const options = await expectOk(api, 'dbKey.bindOptions', {});
        const input: CallInput<'dbKey.bind'> = {
          desk: options.desk,
          prfSalt: options.prfSalt,
          credentialId: key.credentialId,
          prfOutput: key.prf(options.prfSalt),
          label,
        };
        return expectOk(api, 'dbKey.bind', input);
      };
      const first = await bindWith(alice, 'Ключ Ивановой');
      expect(first.recoveryKey).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
      recoveryKey = first.recoveryKey ?? '';
      expect(existsSync(paths.wrappedKeyFile)).toBe(false);
      const second = await bindWith(bob, 'Ключ Петрова');
      expect(second.recoveryKey).toBeNull();
      expect(second.status).toMatchObject({
        keys: [{ label: 'Ключ Ивановой' }, { label: 'Ключ Петрова' }],
        recoveryKey: true,
      });
      expect(JSON.stringify(second.status)).not.toContain(recoveryKey);
    } finally {
      await host.close();
    }
    // The thief takes the database and the bound-keys file to another machine: no keyring, no env key.
    stolen = deskPaths({ MEDCARD_HOME: join(root, 'stolen') });
    mkdirSync(join(root, 'stolen'));
    for (const [from, to] of [
      [paths.dbPath, stolen.dbPath],
      [paths.boundKeysFile, stolen.boundKeysFile],
    ] as const) {
      copyFileSync(from, to);
    }
  });

  it('the copied folder alone opens nothing: no key is found, and a guessed key does not open the database', async () => {
    const env = { MEDCARD_HOME: join(root, 'stolen') };
    expect(await codeOf(deskKey(stolen, env, { mayCreate: true, ports: noKeyring }))).toBe('db_key.locked');
    expect(await codeOf(openStore({ path: stolen.dbPath, key: randomBytes(32), create: false }))).toBe(
      'store.key.wrong',
    );
    expect(readFileSync(stolen.boundKeysFile, 'utf8')).not.toContain(recoveryKey.replace(/-/g, ''));
  });

  it('the host starts locked; another key is not bound, a wrong touch does not unwrap and writes nothing; a bound key opens', async () => {
    const env = { MEDCARD_HOME: join(root, 'stolen') };
    const { key, databaseKey } = await hostKey(stolen, env, noKeyring);
    expect(Buffer.isBuffer(key)).toBe(false);
    const before = digest(stolen.dbPath);
    const { host, api } = await hostOver(stolen, key, { databaseKey });
    try {
      expect(await refusal(api, 'session.whoami', {})).toBe('db_key.locked');
      const { options } = await expectOk(api, 'dbKey.unlockOptions', {});
      if (!options) throw new Error('a locked host answers its options');
      expect(options.credentialIds).toEqual([alice.credentialId, bob.credentialId]);
      const touch = (credentialId: string, prfOutput: string) =>
        refusal(api, 'dbKey.unlock', { credentialId, prfOutput });
      expect(await touch(stranger.credentialId, stranger.prf(options.prfSalt))).toBe('db_key.not_bound');
      expect(await touch(alice.credentialId, bob.prf(options.prfSalt))).toBe('db_key.unwrap_failed');
      expect(await refusal(api, 'dbKey.unlock', { credentialId: 'AAAA', prfOutput: 'short' })).toBe('api.bad_request');
      expect(digest(stolen.dbPath)).toBe(before);

      expect(await touch(bob.credentialId, bob.prf(options.prfSalt))).toBeUndefined();
      await signIn(api, clerk);
      const found = await expectOk(api, 'patients.search', { query: 'Сем' });
      expect(found.items).toHaveLength(1);
      await expectOk(api, 'auth.signOut', {});
      await signIn(api, admin);
      // Losing one key or one staff member never locks the desk: unbinding one leaves the other; the last one stays.
      expect((await expectOk(api, 'dbKey.unbind', { credentialId: alice.credentialId })).keys).toHaveLength(1);
      expect(await refusal(api, 'dbKey.unbind', { credentialId: bob.credentialId })).toBe('db_key.last_key');
    } finally {
      await host.close();
    }
  });

  it('the recovery key opens it when no hardware key is at hand', async () => {
    const file = readBoundKeys(stolen.boundKeysFile);
    if (!file) throw new Error('the bound-keys file');
    const store = await openStore({ path: stolen.dbPath, key: openWithRecovery(file, recoveryKey), create: false });
    await store.close();
  });
});
