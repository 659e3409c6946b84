import { afterEach, describe, expect, it } from 'vitest';
import { finishSignInWithRecoveryCode, finishSignInWithTotp } from '../../../electron/auth/backup-step';
import { beginSignIn } from '../../../electron/auth/password-step';
import { SoftwareAuthenticator } from '../../support/software-authenticator';
import { totpCodeAt } from '../../../electron/auth/totp';
import { confirmTotp, enrolTotp } from '../../../electron/auth/totp-enrolment';
import {
  auditEvents,
  enrolKey,
  firstAdminWithKey,
  openAuthDesk,
  origin,
  refusal,
  signIn,
  type AuthDesk,
  type Person,
} from './auth-harness';

let h: AuthDesk | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

const step = 30_000;

async function withTotp(desk: AuthDesk, person: Person): Promise<string> {
  const { secret, uri } = await enrolTotp(desk.auth, person.actor, { staffId: person.session.staffId });
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  expect(uri).toContain(`secret=${secret}`);
  expect(uri).toContain('issuer=Medcard%20Desk');
  await confirmTotp(desk.auth, person.actor, {
    staffId: person.session.staffId,
    code: totpCodeAt(secret, desk.clock.now()),
  });
  return secret;
}

async function totpSignIn(desk: AuthDesk, person: Person, code: string) {
  const second = await beginSignIn(desk.auth, { login: person.login, password: person.password });
  return finishSignInWithTotp(desk.auth, { attemptId: second.attemptId, code });
}

async function recoverySignIn(desk: AuthDesk, person: Person, code: string) {
  const second = await beginSignIn(desk.auth, { login: person.login, password: person.password });
  return finishSignInWithRecoveryCode(desk.auth, { attemptId: second.attemptId, code });
}

describe('TOTP, the backup factor (A2)', () => {
  it('accepts a current code once; the same code is refused within its window', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const secret = await withTotp(h, admin);
    h.clock.advance(2 * step);

    const code = totpCodeAt(secret, h.clock.now());
    expect(await totpSignIn(h, admin, code)).toMatchObject({ staffId: admin.session.staffId, factor: 'totp' });
    const again = await refusal(totpSignIn(h, admin, code));
    expect(again).toMatchObject({
      code: 'auth.totp.reused',
      message: { en: expect.stringContaining('Attempts left: 4') },
    });
    // Still refused a step later, while the code is inside the ±1 window.
    h.clock.advance(step);
    expect((await refusal(totpSignIn(h, admin, code))).code).toBe('auth.totp.reused');
    expect(auditEvents(h, 'auth.sign_in.failed').map((event) => event.details.reason)).toEqual([
      'totp_reused',
      'totp_reused',
    ]);
  });

  it('accepts a code one step early or late, but not two, nor an older one after a newer', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const secret = await withTotp(h, admin);
    h.clock.advance(10 * step);
    const now = h.clock.now().getTime();

    expect((await refusal(totpSignIn(h, admin, totpCodeAt(secret, new Date(now - 2 * step))))).code).toBe(
      'auth.totp.wrong',
    );
    expect((await totpSignIn(h, admin, totpCodeAt(secret, new Date(now + step)))).factor).toBe('totp');
    expect((await refusal(totpSignIn(h, admin, totpCodeAt(secret, new Date(now))))).code).toBe('auth.totp.reused');
  });

  it('spends the confirming code, and keeps a mis-scanned new secret from replacing the working one', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const secret = await withTotp(h, admin);
    expect((await refusal(totpSignIn(h, admin, totpCodeAt(secret, h.clock.now())))).code).toBe('auth.totp.reused');

    h.clock.advance(2 * step);
    await enrolTotp(h.auth, admin.actor, { staffId: admin.session.staffId });
    const wrong = await refusal(() =>
      confirmTotp(h!.auth, admin.actor, { staffId: admin.session.staffId, code: '000000' }),
    );
    expect(wrong.code).toBe('auth.totp.confirm_wrong');
    expect((await totpSignIn(h, admin, totpCodeAt(secret, h.clock.now()))).factor).toBe('totp');
  });
});

describe('recovery codes, the last resort (A2)', () => {
  it('let the person in once per code, audited, and ask for a new key', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const [code] = admin.recoveryCodes;
    if (!code) throw new Error('no codes');

    // Typed the way people type: lower case, spaces, a letter O for a zero.
    const typed = code.toLowerCase().replace('-', ' ').replace(/0/g, 'o');
    const session = await recoverySignIn(h, admin, typed);
    expect(session).toMatchObject({ staffId: admin.session.staffId, factor: 'recovery-code', mustEnrolKey: true });
    const used = auditEvents(h, 'auth.sign_in.succeeded').at(-1);
    expect(used).toMatchObject({
      actor_id: admin.session.staffId,
      details: { factor: 'recovery-code', recoveryCodesLeft: 9 },
    });

    const again = await refusal(recoverySignIn(h, admin, code));
    expect(again).toMatchObject({
      code: 'auth.recovery.wrong',
      message: { en: expect.stringContaining('Attempts left: 4') },
    });
    expect(auditEvents(h, 'auth.sign_in.failed').at(-1)?.details).toMatchObject({
      stage: 'recovery-code',
      reason: 'recovery_wrong',
    });

    // Until a new key is enrolled, every sign-in says so; enrolling clears it.
    expect((await signIn(h, admin.login, admin.password, admin.key)).mustEnrolKey).toBe(true);
    await enrolKey(h, admin.actor, admin.session.staffId, new SoftwareAuthenticator({ origin }), 'Новый');
    expect((await signIn(h, admin.login, admin.password, admin.key)).mustEnrolKey).toBe(false);
  });

  it('need the password first: a code alone opens nothing', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const [code] = admin.recoveryCodes;
    if (!code) throw new Error('no codes');
    const error = await refusal(() =>
      finishSignInWithRecoveryCode(h!.auth, { attemptId: '0190a000-0000-7000-8000-000000000000', code }),
    );
    expect(error.code).toBe('auth.challenge.expired');
    expect(auditEvents(h, 'auth.sign_in.failed').at(-1)?.details).toMatchObject({ reason: 'challenge_unknown' });
    expect((await recoverySignIn(h, admin, code)).factor).toBe('recovery-code');
  });
});
