import { afterEach, describe, expect, it } from 'vitest';
import { sessionActor } from '../../../electron/auth/auth-context';
import { challengeLifetimeMs } from '../../../electron/auth/challenges';
import { beginKeyEnrolment, finishKeyEnrolment, listKeys, revokeKey } from '../../../electron/auth/key-enrolment';
import { finishSignIn } from '../../../electron/auth/key-step';
import { beginSignIn } from '../../../electron/auth/password-step';
import { SoftwareAuthenticator } from '../../support/software-authenticator';
import { createStaff } from '../../../electron/auth/staff-admin';
import { beginUnlock, finishUnlock } from '../../../electron/auth/unlock';
import { authSettingKeys } from '../../../electron/auth/auth-settings';
import { verifyAuditChain } from '../../../electron/store/audit-log';
import { writeSetting } from '../../../electron/store/settings';
import {
  auditEvents,
  enrolKey,
  firstAdminWithKey,
  newLogin,
  openAuthDesk,
  origin,
  refusal,
  signIn,
  strongPassword,
  type AuthDesk,
} from './auth-harness';

let h: AuthDesk | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

function storedCounter(desk: AuthDesk, credentialId: string): number | undefined {
  return desk.auth.store.transaction(
    (tx) =>
      tx.get<{ counter: number }>('SELECT counter FROM staff_keys WHERE credential_id = ?', [credentialId])?.counter,
  );
}

function lastFailure(desk: AuthDesk) {
  return auditEvents(desk, 'auth.sign_in.failed').at(-1)?.details;
}

describe('sign-in with a password and a hardware key (A2)', () => {
  it('signs in with the password and a touch of the key, and keeps the key’s counter', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const [credentialId] = admin.key.credentialIds();
    if (!credentialId) throw new Error('no credential');

    const step = await beginSignIn(h.auth, { login: ` ${admin.login.toUpperCase()} `, password: admin.password });
    expect(step.publicKey?.allowCredentials?.map((credential) => credential.id)).toEqual([credentialId]);
    expect(step.publicKey).toMatchObject({ rpId: 'localhost', userVerification: 'discouraged' });
    expect(step).toMatchObject({ totp: false, recoveryCodes: true });
    if (!step.publicKey) throw new Error('no key asked for');
    const session = await finishSignIn(h.auth, {
      attemptId: step.attemptId,
      answer: await admin.key.get(step.publicKey),
    });

    expect(session).toMatchObject({
      staffId: admin.session.staffId,
      role: 'admin',
      displayName: 'Админ Админов',
      factor: 'webauthn',
      mustEnrolKey: false,
    });
    expect(storedCounter(h, credentialId)).toBe(admin.key.counterOf(credentialId));
    const events = auditEvents(h, 'auth.sign_in');
    expect(events.map((event) => event.action)).toEqual(['auth.sign_in.step_passed', 'auth.sign_in.succeeded']);
    expect(events[0]?.actor_id).toBe(h.auth.desk.staffId);
    expect(events[1]).toMatchObject({ actor_id: admin.session.staffId, details: { factor: 'webauthn' } });
  });

  it('lets a person keep several named keys and sign in with any of them', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const spare = new SoftwareAuthenticator({ origin });
    await enrolKey(h, admin.actor, admin.session.staffId, spare, 'Запасной');
    expect(listKeys(h.auth, admin.actor, { staffId: admin.session.staffId }).map((key) => key.name)).toEqual([
      'Основной',
      'Запасной',
    ]);
    expect((await signIn(h, admin.login, admin.password, spare)).factor).toBe('webauthn');
    expect((await signIn(h, admin.login, admin.password, admin.key)).factor).toBe('webauthn');
  });

  it('does not register the same key twice for a person', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const step = await beginKeyEnrolment(h.auth, admin.actor, { staffId: admin.session.staffId });
    expect(step.publicKey.excludeCredentials?.map((credential) => credential.id)).toEqual(admin.key.credentialIds());
    expect(step.publicKey.authenticatorSelection).toMatchObject({
      residentKey: 'discouraged',
      userVerification: 'discouraged',
    });
    expect(step.publicKey.attestation).toBe('none');
    await expect(admin.key.create(step.publicKey)).rejects.toMatchObject({ reason: 'InvalidStateError' });
  });

  it('refuses a revoked key', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const [keyRow] = listKeys(h.auth, admin.actor, { staffId: admin.session.staffId });
    if (!keyRow) throw new Error('no key');
    revokeKey(h.auth, admin.actor, { keyId: keyRow.id });

    const step = await beginSignIn(h.auth, { login: admin.login, password: admin.password });
    expect(step.publicKey).toBeNull();
    // A page that asks the key anyway, with the revoked credential's id.
    const answer = await admin.key.get({
      challenge: replayChallenge(h, step.attemptId),
      rpId: 'localhost',
      allowCredentials: admin.key.credentialIds().map((id) => ({ id, type: 'public-key' })),
    });
    const error = await refusal(finishSignIn(h.auth, { attemptId: step.attemptId, answer }));
    expect(error).toMatchObject({
      code: 'auth.key.refused',
      message: { en: expect.stringContaining('Attempts left: 4') },
    });
    expect(lastFailure(h)).toMatchObject({ stage: 'key', reason: 'key_revoked', left: 4 });
  });

  it('refuses a cloned key whose signature counter did not grow, and tells the auditor', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const clone = admin.key.clone();
    await signIn(h, admin.login, admin.password, admin.key);
    await signIn(h, admin.login, admin.password, admin.key);

    const error = await refusal(signIn(h, admin.login, admin.password, clone));
    expect(error.code).toBe('auth.key.refused');
    expect(lastFailure(h)).toMatchObject({ reason: 'counter' });
    expect(auditEvents(h, 'auth.alert.key_clone')).toHaveLength(1);
    const [credentialId] = admin.key.credentialIds();
    if (!credentialId) throw new Error('no credential');
    expect(storedCounter(h, credentialId)).toBe(2);
  });

  it('accepts a key that keeps no counter (always 0), as WebAuthn allows', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const counterless = new SoftwareAuthenticator({ origin, counterStep: 0 });
    await enrolKey(h, admin.actor, admin.session.staffId, counterless, 'Без счётчика');
    await signIn(h, admin.login, admin.password, counterless);
    expect((await signIn(h, admin.login, admin.password, counterless)).factor).toBe('webauthn');
  });

  it('refuses a challenge older than two minutes', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const step = await beginSignIn(h.auth, { login: admin.login, password: admin.password });
    if (!step.publicKey) throw new Error('no key asked for');
    const answer = await admin.key.get(step.publicKey);
    h.clock.advance(challengeLifetimeMs + 1000);
    expect((await refusal(finishSignIn(h.auth, { attemptId: step.attemptId, answer }))).code).toBe(
      'auth.challenge.expired',
    );
    expect(lastFailure(h)).toMatchObject({ reason: 'challenge_expired' });
  });

  it('accepts a challenge once: the same answer replayed is refused', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const step = await beginSignIn(h.auth, { login: admin.login, password: admin.password });
    if (!step.publicKey) throw new Error('no key asked for');
    const answer = await admin.key.get(step.publicKey);
    await finishSignIn(h.auth, { attemptId: step.attemptId, answer });
    expect((await refusal(finishSignIn(h.auth, { attemptId: step.attemptId, answer }))).code).toBe(
      'auth.challenge.expired',
    );
    expect(lastFailure(h)).toMatchObject({ reason: 'challenge_used' });

    // The old answer under a fresh challenge: its signature covers the old challenge.
    const next = await beginSignIn(h.auth, { login: admin.login, password: admin.password });
    expect((await refusal(finishSignIn(h.auth, { attemptId: next.attemptId, answer }))).code).toBe('auth.key.refused');
    expect(lastFailure(h)).toMatchObject({ reason: 'answer_invalid' });
  });

  it('refuses an answer without user presence, from another origin, or with another person’s key', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);

    admin.key.userPresent = false;
    await expect(signIn(h, admin.login, admin.password, admin.key)).rejects.toMatchObject({ code: 'auth.key.refused' });
    expect(lastFailure(h)).toMatchObject({ reason: 'user_presence' });
    admin.key.userPresent = true;

    admin.key.origin = 'http://localhost.evil.example';
    await expect(signIn(h, admin.login, admin.password, admin.key)).rejects.toMatchObject({ code: 'auth.key.refused' });
    expect(lastFailure(h)).toMatchObject({ reason: 'answer_invalid' });
    admin.key.origin = origin;

    const clerkPassword = strongPassword();
    const { staff } = await createStaff(h.auth, admin.actor, {
      login: newLogin('clerk'),
      displayName: 'Клерк',
      role: 'clerk',
      password: clerkPassword,
    });
    const clerkKey = new SoftwareAuthenticator({ origin });
    await enrolKey(h, admin.actor, staff.id, clerkKey, 'Ключ клерка');
    const step = await beginSignIn(h.auth, { login: staff.login, password: clerkPassword });
    const answer = await admin.key.get({
      challenge: replayChallenge(h, step.attemptId),
      rpId: 'localhost',
      allowCredentials: admin.key.credentialIds().map((id) => ({ id, type: 'public-key' })),
    });
    await expect(finishSignIn(h.auth, { attemptId: step.attemptId, answer })).rejects.toMatchObject({
      code: 'auth.key.refused',
    });
    expect(lastFailure(h)).toMatchObject({ reason: 'key_unknown', subject: staff.id });
    expect(h.auth.store.transaction((tx) => verifyAuditChain(tx)).ok).toBe(true);
  });

  it('unlocks a locked desk with a key touch alone (A4)', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const step = await beginUnlock(h.auth, { staffId: admin.session.staffId });
    const session = await finishUnlock(h.auth, {
      attemptId: step.attemptId,
      answer: await admin.key.get(step.publicKey),
    });
    expect(session).toMatchObject({ staffId: admin.session.staffId, factor: 'webauthn' });
    expect(auditEvents(h, 'auth.unlock.succeeded')).toHaveLength(1);

    // A sign-in challenge does not unlock, nor an unlock challenge sign in.
    const signInStep = await beginSignIn(h.auth, { login: admin.login, password: admin.password });
    if (!signInStep.publicKey) throw new Error('no key asked for');
    const answer = await admin.key.get(signInStep.publicKey);
    await expect(finishUnlock(h.auth, { attemptId: signInStep.attemptId, answer })).rejects.toMatchObject({
      code: 'auth.challenge.expired',
    });
  });

  it('tells the auditor of a sign-in at odd hours (A3), unless the desk works around the clock', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    await signIn(h, admin.login, admin.password, admin.key);
    expect(auditEvents(h, 'auth.alert.odd_hours')).toHaveLength(0);

    h.clock.advance(11.5 * 3_600_000); // 23:30 in Moscow
    await signIn(h, admin.login, admin.password, admin.key);
    expect(auditEvents(h, 'auth.alert.odd_hours')).toMatchObject([
      { actor_id: admin.session.staffId, details: { hour: 23 } },
    ]);

    h.auth.store.transaction((tx) => writeSetting(tx, authSettingKeys.oddHours, null));
    await signIn(h, admin.login, admin.password, admin.key);
    expect(auditEvents(h, 'auth.alert.odd_hours')).toHaveLength(1);
  });

  it('refuses a key registration answered after two minutes', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const actor = sessionActor(admin.session, h.auth.desk);
    const step = await beginKeyEnrolment(h.auth, actor, { staffId: admin.session.staffId });
    const answer = await new SoftwareAuthenticator({ origin }).create(step.publicKey);
    h.clock.advance(challengeLifetimeMs + 1);
    const error = await refusal(
      finishKeyEnrolment(h.auth, actor, { attemptId: step.attemptId, name: 'Поздний', answer }),
    );
    expect(error.code).toBe('auth.challenge.expired');
    expect(listKeys(h.auth, actor, { staffId: admin.session.staffId })).toHaveLength(1);
  });
});

/** The challenge stored for a step, as a page that kept it would send it to any key. */
function replayChallenge(desk: AuthDesk, attemptId: string): string {
  const row = desk.auth.store.transaction((tx) =>
    tx.get<{ challenge: string }>('SELECT challenge FROM auth_challenges WHERE id = ?', [attemptId]),
  );
  if (!row) throw new Error('no such challenge');
  return row.challenge;
}
