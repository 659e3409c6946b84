import type { StaffSession } from '../auth/auth-context';
import { finishSignInWithRecoveryCode, finishSignInWithTotp } from '../auth/backup-step';
import { setupFirstAdmin } from '../auth/first-admin';
import { beginKeyEnrolment, finishKeyEnrolment, listKeys, revokeKey } from '../auth/key-enrolment';
import { finishSignIn } from '../auth/key-step';
import { finishSignInWithOtp } from '../auth/otp-step';
import { changePassword, renewRecoveryCodes } from '../auth/own-account';
import { beginSignIn } from '../auth/password-step';
import { createStaff, deactivateStaff, listStaff, resetPassword } from '../auth/staff-admin';
import { confirmTotp, enrolTotp } from '../auth/totp-enrolment';
import { beginUnlock, finishUnlock } from '../auth/unlock';
import { enrolYubikey } from '../auth/yubikey-enrolment';
import { AppError } from '../../shared/errors/app-error';
import { appendAudit } from '../store/audit-log';
import type { ServiceContext } from './context';
import type { Handlers } from './handler-types';
import { provenSessionOf } from './proven-session';
import { reauthHandlers } from './reauth-handlers';
import { refreshSession, sessionInfo } from './session-info';

/** A completed sign-in replaces whoever was at the desk. */
function signedIn(ctx: ServiceContext, session: StaffSession) {
  ctx.session.signIn(session, ctx.clock.now());
  return sessionInfo(ctx);
}

/** The signed-in person's proven session, which the server asks for before changing their factors. */

function recordSessionEvent(ctx: ServiceContext, action: 'auth.session.locked' | 'auth.session.signed_out'): void {
  ctx.store.transaction((tx) => appendAudit(tx, ctx.actor, ctx.clock.now().toISOString(), { action, details: {} }));
}

/** The sign-in, lock and own-account calls (A1–A4). */
export const authHandlers: Handlers<'session' | 'auth' | 'account'> = {
  ...reauthHandlers,
  'session.whoami': (ctx) => sessionInfo(ctx),
  'auth.setupFirstAdmin': async (ctx, input) => {
    const { session, recoveryCodes } = await setupFirstAdmin(ctx.auth, input);
    return { session: signedIn(ctx, session), recoveryCodes };
  },
  'auth.beginSignIn': (ctx, input) => beginSignIn(ctx.auth, input),
  'auth.finishSignIn': async (ctx, input) => signedIn(ctx, await finishSignIn(ctx.auth, input)),
  'auth.finishSignInWithTotp': async (ctx, input) => signedIn(ctx, await finishSignInWithTotp(ctx.auth, input)),
  'auth.finishSignInWithRecoveryCode': async (ctx, input) =>
    signedIn(ctx, await finishSignInWithRecoveryCode(ctx.auth, input)),
  'auth.finishSignInWithOtp': async (ctx, input) => signedIn(ctx, await finishSignInWithOtp(ctx.auth, input)),
  'auth.lock': (ctx) => {
    if (ctx.session.read(ctx.clock.now()).state === 'active') recordSessionEvent(ctx, 'auth.session.locked');
    ctx.session.lock();
    return sessionInfo(ctx);
  },
  'auth.beginUnlock': (ctx) => {
    if (ctx.session.read(ctx.clock.now()).state !== 'locked') throw new AppError('auth.challenge.expired');
    return beginUnlock(ctx.auth, { staffId: ctx.actor.staffId });
  },
  'auth.finishUnlock': async (ctx, input) => {
    const locked = ctx.session.read(ctx.clock.now());
    if (locked.state !== 'locked') throw new AppError('auth.challenge.expired');
    const session = await finishUnlock(ctx.auth, input);
    // The challenge was issued for the locked person's keys only; checked again all the same.
    if (session.staffId !== locked.session.staffId) throw new AppError('auth.challenge.expired');
    // The same session goes on after an idle lock: its proven key keeps signing.
    const proven = locked.session.proven;
    return signedIn(ctx, proven ? { ...session, proven } : session);
  },
  'auth.signOut': (ctx) => {
    if (ctx.session.read(ctx.clock.now()).state !== 'signed-out') recordSessionEvent(ctx, 'auth.session.signed_out');
    ctx.session.signOut();
    return sessionInfo(ctx);
  },
  'account.changePassword': async (ctx, input) => {
    await changePassword(ctx.auth, ctx.actor, input);
    refreshSession(ctx);
    return sessionInfo(ctx);
  },
  'account.beginKeyEnrolment': (ctx, input) => beginKeyEnrolment(ctx.auth, ctx.actor, input),
  'account.finishKeyEnrolment': async (ctx, input) => {
    const key = await finishKeyEnrolment(ctx.auth, ctx.actor, input);
    refreshSession(ctx);
    return { key, session: sessionInfo(ctx) };
  },
  'account.enrolYubikey': async (ctx, input) => {
    const key = await enrolYubikey(ctx.auth, ctx.actor, input);
    refreshSession(ctx);
    return key;
  },
  'account.keys': (ctx, input) => ({ items: listKeys(ctx.auth, ctx.actor, input) }),
  'account.revokeKey': (ctx, input) => {
    const key = revokeKey(ctx.auth, ctx.actor, input);
    refreshSession(ctx);
    return key;
  },
  'account.renewRecoveryCodes': async (ctx) => ({
    recoveryCodes: await renewRecoveryCodes(ctx.auth, ctx.actor, provenSessionOf(ctx)),
  }),
  'account.enrolTotp': (ctx, input) => enrolTotp(ctx.auth, ctx.actor, input, provenSessionOf(ctx)),
  'account.confirmTotp': async (ctx, input) => {
    await confirmTotp(ctx.auth, ctx.actor, input, provenSessionOf(ctx));
    return {};
  },
};

/** The admin's staff management (A1). */
export const staffHandlers: Handlers<'staff'> = {
  'staff.list': (ctx) => ({ items: listStaff(ctx.auth, ctx.actor) }),
  'staff.create': (ctx, input) => createStaff(ctx.auth, ctx.actor, input),
  'staff.deactivate': (ctx, input) => deactivateStaff(ctx.auth, ctx.actor, input),
  'staff.resetPassword': (ctx, input) => resetPassword(ctx.auth, ctx.actor, input),
};
