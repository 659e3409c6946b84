import { afterEach, describe, expect, it } from 'vitest';
import { sessionActor } from '../../../electron/auth/auth-context';
import { finishSignInWithRecoveryCode } from '../../../electron/auth/backup-step';
import { changePassword, renewRecoveryCodes } from '../../../electron/auth/own-account';
import { beginSignIn } from '../../../electron/auth/password-step';
import { SoftwareAuthenticator } from '../../support/software-authenticator';
import { createStaff, deactivateStaff, listStaff, resetPassword } from '../../../electron/auth/staff-admin';
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

describe('staff accounts (A1)', () => {
  it('are managed by an admin only: not by the desk’s setup account, nor by a clerk', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const input = {
      login: newLogin('clerk'),
      displayName: 'Ольга Клеркова',
      role: 'clerk' as const,
      password: strongPassword(),
    };
    expect((await refusal(createStaff(h.auth, h.auth.desk, input))).code).toBe('forbidden');

    const { staff } = await createStaff(h.auth, admin.actor, input);
    const clerk = { ...admin.actor, staffId: staff.id, role: 'clerk' as const, displayName: staff.displayName };
    expect((await refusal(createStaff(h.auth, clerk, { ...input, login: newLogin() }))).code).toBe('forbidden');
    expect((await refusal(() => listStaff(h!.auth, clerk))).code).toBe('forbidden');
    // A clerk who claims to be admin is still read from the database.
    expect((await refusal(() => listStaff(h!.auth, { ...clerk, role: 'admin' }))).code).toBe('forbidden');
  });

  it('a new person signs in with a recovery code, sets their own password and enrols their key', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const login = newLogin('doctor');
    const firstPassword = strongPassword();
    const { staff, recoveryCodes } = await createStaff(h.auth, admin.actor, {
      login,
      displayName: 'Доктор Врачев',
      role: 'doctor',
      password: firstPassword,
    });
    expect(staff).toMatchObject({
      role: 'doctor',
      active: true,
      keys: 0,
      recoveryCodesLeft: 10,
      mustEnrolKey: true,
      mustChangePassword: true,
    });

    const step = await beginSignIn(h.auth, { login, password: firstPassword });
    expect(step).toMatchObject({ publicKey: null, totp: false, recoveryCodes: true });
    const session = await finishSignInWithRecoveryCode(h.auth, {
      attemptId: step.attemptId,
      code: recoveryCodes[0] ?? '',
    });
    expect(session).toMatchObject({ role: 'doctor', mustEnrolKey: true, mustChangePassword: true });

    const actor = sessionActor(session, h.auth.desk);
    const ownPassword = strongPassword();
    const wrong = await refusal(
      changePassword(h.auth, actor, { currentPassword: strongPassword(), newPassword: ownPassword }),
    );
    expect(wrong.message.en).toContain('Attempts left: 4');
    await changePassword(h.auth, actor, { currentPassword: firstPassword, newPassword: ownPassword });
    const key = new SoftwareAuthenticator({ origin });
    await enrolKey(h, actor, session.staffId, key, 'Мой ключ');

    expect(await signIn(h, login, ownPassword, key)).toMatchObject({
      role: 'doctor',
      mustEnrolKey: false,
      mustChangePassword: false,
    });
    expect(await renewRecoveryCodes(h.auth, actor)).toHaveLength(10);
    expect(listStaff(h.auth, admin.actor).find((row) => row.id === staff.id)).toMatchObject({
      keys: 1,
      recoveryCodesLeft: 10,
    });
  });

  it('refuses a taken login, whatever its case', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const error = await refusal(
      createStaff(h.auth, admin.actor, {
        login: admin.login.toUpperCase(),
        displayName: 'Двойник',
        role: 'clerk',
        password: strongPassword(),
      }),
    );
    expect(error).toMatchObject({ code: 'staff.login.taken', field: 'login' });
  });

  it('a deactivated person cannot sign in, and is told only what a wrong password is told', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const password = strongPassword();
    const { staff } = await createStaff(h.auth, admin.actor, {
      login: newLogin(),
      displayName: 'Уволенный',
      role: 'clerk',
      password,
    });
    deactivateStaff(h.auth, admin.actor, { staffId: staff.id });
    const error = await refusal(beginSignIn(h.auth, { login: staff.login, password }));
    expect(error).toEqual(await refusal(beginSignIn(h.auth, { login: newLogin(), password })));
    expect(auditEvents(h, 'auth.sign_in.failed').map((event) => event.details.reason)).toEqual([
      'inactive',
      'unknown_login',
    ]);
    expect(auditEvents(h, 'staff.').map((event) => event.action)).toEqual(['staff.created', 'staff.deactivated']);
  });

  it('keeps the last active admin', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    expect((await refusal(() => deactivateStaff(h!.auth, admin.actor, { staffId: admin.session.staffId }))).code).toBe(
      'staff.last_admin',
    );
  });

  it('a password reset ends a lock and asks the person for their own password', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const { staff } = await createStaff(h.auth, admin.actor, {
      login: newLogin(),
      displayName: 'Забывчивый',
      role: 'clerk',
      password: strongPassword(),
    });
    for (let i = 0; i < 5; i += 1)
      await refusal(beginSignIn(h.auth, { login: staff.login, password: strongPassword() }));
    expect(listStaff(h.auth, admin.actor).find((row) => row.id === staff.id)?.lockedUntil).not.toBeNull();

    const newPassword = strongPassword();
    const summary = await resetPassword(h.auth, admin.actor, { staffId: staff.id, password: newPassword });
    expect(summary).toMatchObject({ lockedUntil: null, mustChangePassword: true });
    expect((await beginSignIn(h.auth, { login: staff.login, password: newPassword })).attemptId).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    expect(auditEvents(h, 'staff.password_reset')).toHaveLength(1);
  });
});
