import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SoftwareAuthenticator } from '../../support/software-authenticator';
import type { Core } from '../../../electron/core/core';
import { openCore } from '../../../electron/core/open-core';
import { expectOk, strongTestPassword, type CallApi } from '../../support/staff-over-api';

/**
 * Electron on Linux and macOS: the page cannot reach the key, so it hands the options to the
 * main process, whose port (libfido2 there; the software authenticator here) answers.
 */
const origin = 'app://desk';
let dir: string;
let core: Core;
let key: SoftwareAuthenticator;
let api: CallApi;
const adminPassword = strongTestPassword();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'medcard-native-key-'));
  key = new SoftwareAuthenticator({ origin });
  core = await openCore({
    dbPath: join(dir, 'desk.db'),
    key: randomBytes(32),
    create: true,
    sync: false,
    relyingParty: { rpId: 'desk', origin },
    hardwareKey: key,
  });
  api = (name, input) => core.dispatch(name, input);
});
afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('keys asked by the main process (A2, Electron on Linux/macOS)', () => {
  it('says so to the page, enrols the first admin’s key and signs them in, locks and unlocks, all through it', async () => {
    expect(await expectOk(api, 'session.whoami', {})).toMatchObject({ state: 'first-run', keyAccess: 'main-process' });
    const password = adminPassword;
    const setup = await expectOk(api, 'auth.setupFirstAdmin', {
      login: 'admin',
      displayName: 'Админова Анна',
      password,
    });
    const staffId = setup.session.actor?.id ?? '';
    const enrolment = await expectOk(api, 'account.beginKeyEnrolment', { staffId });
    const made = await expectOk(api, 'keys.register', { options: enrolment.publicKey });
    await expectOk(api, 'account.finishKeyEnrolment', {
      attemptId: enrolment.attemptId,
      name: 'Основной',
      answer: made,
    });
    await expectOk(api, 'auth.signOut', {});

    const step = await expectOk(api, 'auth.beginSignIn', { login: 'admin', password });
    if (!step.publicKey) throw new Error('no key asked');
    const answer = await expectOk(api, 'keys.touch', { options: step.publicKey });
    expect(await expectOk(api, 'auth.finishSignIn', { attemptId: step.attemptId, answer })).toMatchObject({
      state: 'active',
    });

    await expectOk(api, 'auth.lock', {});
    const unlock = await expectOk(api, 'auth.beginUnlock', {});
    const touched = await expectOk(api, 'keys.touch', { options: unlock.publicKey });
    expect(await expectOk(api, 'auth.finishUnlock', { attemptId: unlock.attemptId, answer: touched })).toMatchObject({
      state: 'active',
    });
  });

  it('signs no challenge it did not issue, nor one already answered', async () => {
    expect(
      await api('keys.touch', { options: { challenge: randomBytes(32).toString('base64url'), rpId: 'desk' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.challenge.expired' },
    });
    await expectOk(api, 'auth.signOut', {});
    const admin = await expectOk(api, 'auth.beginSignIn', { login: 'admin', password: adminPassword });
    if (!admin.publicKey) throw new Error('no key asked');
    const answer = await expectOk(api, 'keys.touch', { options: admin.publicKey });
    await expectOk(api, 'auth.finishSignIn', { attemptId: admin.attemptId, answer });
    expect(await api('keys.touch', { options: admin.publicKey })).toMatchObject({
      ok: false,
      error: { code: 'auth.challenge.expired' },
    });
  });

  it('tells a desk whose page reaches the key itself not to ask the main process', async () => {
    const pageDir = mkdtempSync(join(tmpdir(), 'medcard-page-key-'));
    const pageCore = await openCore({
      dbPath: join(pageDir, 'desk.db'),
      key: randomBytes(32),
      create: true,
      sync: false,
      relyingParty: { rpId: 'localhost', origin: 'http://localhost:1' },
    });
    try {
      expect(await pageCore.dispatch('session.whoami', {})).toMatchObject({ ok: true, data: { keyAccess: 'page' } });
      expect(await pageCore.dispatch('keys.touch', { options: { challenge: 'AAAA' } })).toMatchObject({
        ok: false,
        error: { code: 'auth.key.page_only' },
      });
    } finally {
      await pageCore.close();
      rmSync(pageDir, { recursive: true, force: true });
    }
  });
});
