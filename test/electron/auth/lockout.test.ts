import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/errors/app-error';
import { authSettingKeys } from '../../../electron/auth/auth-settings';
import { beginSignIn } from '../../../electron/auth/password-step';
import { verifyAuditChain } from '../../../electron/store/audit-log';
import { writeSetting } from '../../../electron/store/settings';
import {
  auditEvents,
  firstAdminWithKey,
  newLogin,
  openAuthDesk,
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

const minute = 60_000;

async function wrongPassword(desk: AuthDesk, login: string): Promise<ApiError> {
  return refusal(beginSignIn(desk.auth, { login, password: strongPassword() }));
}

function authEventCount(desk: AuthDesk): number {
  return auditEvents(desk).length;
}

describe('lockout after repeated failures (A3)', () => {
  it('counts down the attempts left, locks for 15 minutes, and lets the person in afterwards', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);

    const answers: ApiError[] = [];
    for (let i = 0; i < 5; i += 1) answers.push(await wrongPassword(h, admin.login));
    expect(answers.slice(0, 4).map((answer) => [answer.code, answer.message.en])).toEqual(
      [4, 3, 2, 1].map((left) => ['auth.failed', `Wrong login or password. Attempts left: ${left}`]),
    );
    expect(answers[0]?.message.ru).toBe('Неверный логин или пароль. Осталось попыток: 4');
    expect(answers[4]).toMatchObject({ code: 'auth.locked', message: { en: expect.stringContaining('15 min') } });

    // Locked: the right password does not help, and the lock is not extended by trying.
    h.clock.advance(5 * minute);
    expect(await refusal(beginSignIn(h.auth, { login: admin.login, password: admin.password }))).toMatchObject({
      code: 'auth.locked',
      message: { en: expect.stringContaining('10 min') },
    });
    h.clock.advance(10 * minute - 1000);
    expect((await refusal(beginSignIn(h.auth, { login: admin.login, password: admin.password }))).code).toBe(
      'auth.locked',
    );

    h.clock.advance(1000);
    const session = await signIn(h, admin.login, admin.password, admin.key);
    expect(session.staffId).toBe(admin.session.staffId);
    // A completed sign-in starts the count again.
    expect((await wrongPassword(h, admin.login)).message.en).toContain('Attempts left: 4');
  });

  it('answers an unknown login exactly as a real one with a wrong password, through the lock and after it', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const unknown = newLogin('nobody');

    const real: ApiError[] = [];
    const fake: ApiError[] = [];
    for (let i = 0; i < 7; i += 1) {
      real.push(await wrongPassword(h, admin.login));
      fake.push(await wrongPassword(h, unknown));
    }
    h.clock.advance(15 * minute);
    real.push(await wrongPassword(h, admin.login));
    fake.push(await wrongPassword(h, unknown));

    expect(fake).toEqual(real);
    expect(real.map((answer) => answer.code)).toEqual([
      'auth.failed',
      'auth.failed',
      'auth.failed',
      'auth.failed',
      'auth.locked',
      'auth.locked',
      'auth.locked',
      'auth.failed',
    ]);
    expect(real.at(-1)?.message.en).toContain('Attempts left: 4');

    // The auditor can tell them apart; the unknown login's text is never stored.
    const failures = auditEvents(h, 'auth.sign_in.failed').map((event) => event.details);
    const unknownReasons = failures
      .filter((details) => details.subject !== admin.session.staffId)
      .map((details) => details.reason);
    expect(unknownReasons).toEqual([...Array<string>(5).fill('unknown_login'), 'locked', 'locked', 'unknown_login']);
    const everything = h.auth.store.transaction((tx) =>
      JSON.stringify([tx.all('SELECT * FROM audit_events'), tx.all('SELECT * FROM auth_unknown_logins')]),
    );
    expect(everything).not.toContain(unknown);
  });

  it('takes its limits from the desk’s settings', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    h.auth.store.transaction((tx) => writeSetting(tx, authSettingKeys.lockout, { maxAttempts: 3, lockMinutes: 5 }));
    expect((await wrongPassword(h, admin.login)).message.en).toContain('Attempts left: 2');
    await wrongPassword(h, admin.login);
    expect(await wrongPassword(h, admin.login)).toMatchObject({
      code: 'auth.locked',
      message: { en: expect.stringContaining('5 min') },
    });
    h.clock.advance(5 * minute);
    expect((await signIn(h, admin.login, admin.password, admin.key)).role).toBe('admin');
  });

  it('counts key failures towards the same lockout', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    admin.key.userPresent = false;
    const answers: string[] = [];
    for (let i = 0; i < 5; i += 1)
      answers.push((await refusal(signIn(h, admin.login, admin.password, admin.key))).message.en);
    expect(answers.slice(0, 4)).toEqual([4, 3, 2, 1].map((left) => `The key was not accepted. Attempts left: ${left}`));
    expect(answers[4]).toContain('locked');
  });

  it('audits every attempt, failed or not, each as one event in the right name', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const start = authEventCount(h);

    await wrongPassword(h, admin.login);
    await wrongPassword(h, newLogin('ghost'));
    expect(authEventCount(h)).toBe(start + 2);
    await signIn(h, admin.login, admin.password, admin.key);
    expect(authEventCount(h)).toBe(start + 4);

    const events = auditEvents(h).slice(start);
    expect(events.map((event) => event.action)).toEqual([
      'auth.sign_in.failed',
      'auth.sign_in.failed',
      'auth.sign_in.step_passed',
      'auth.sign_in.succeeded',
    ]);
    // Nobody is proven until the end: only the completed sign-in is in the person's name.
    expect(events.map((event) => event.actor_id)).toEqual([
      h.auth.desk.staffId,
      h.auth.desk.staffId,
      h.auth.desk.staffId,
      admin.session.staffId,
    ]);
    expect(events[0]?.details).toMatchObject({
      stage: 'password',
      reason: 'wrong_password',
      subject: admin.session.staffId,
      left: 4,
    });
    expect(events[1]?.details).toMatchObject({
      stage: 'password',
      reason: 'unknown_login',
      subject: expect.stringMatching(/^login-sha256:[0-9a-f]{32}$/),
    });
    expect(JSON.stringify(events)).not.toContain(admin.password);
    expect(h.auth.store.transaction((tx) => verifyAuditChain(tx)).ok).toBe(true);
  });

  it('raises one burst alert for the auditor when one desk fails over many logins', async () => {
    h = await openAuthDesk();
    await firstAdminWithKey(h);
    const logins = [newLogin('a'), newLogin('b'), newLogin('c')];

    // Nine failures over three logins: not yet a burst.
    for (const login of logins) for (let i = 0; i < 3; i += 1) await wrongPassword(h, login);
    expect(auditEvents(h, 'auth.alert.burst')).toHaveLength(0);
    await wrongPassword(h, logins[0] ?? '');
    const alerts = auditEvents(h, 'auth.alert.burst');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      actor_id: h.auth.desk.staffId,
      details: { failures: 10, logins: 3, windowMinutes: 10 },
    });

    // The same burst goes on: still one alert in the window; a new one after it.
    await wrongPassword(h, logins[1] ?? '');
    expect(auditEvents(h, 'auth.alert.burst')).toHaveLength(1);
    h.clock.advance(11 * minute);
    for (const login of logins) for (let i = 0; i < 4; i += 1) await wrongPassword(h, login);
    expect(auditEvents(h, 'auth.alert.burst')).toHaveLength(2);
  });

  it('does not call one person’s typos a burst', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    for (let i = 0; i < 12; i += 1) await wrongPassword(h, admin.login);
    expect(auditEvents(h, 'auth.sign_in.failed')).toHaveLength(12);
    expect(auditEvents(h, 'auth.alert.burst')).toHaveLength(0);
  });
});
