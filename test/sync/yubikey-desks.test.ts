import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '../../electron/auth/auth-context';
import { otpAuthority, writeOtpClient } from '../../electron/auth/otp-authority';
import { finishSignInWithOtp } from '../../electron/auth/otp-step';
import { beginSignIn } from '../../electron/auth/password-step';
import { createStaff } from '../../electron/auth/staff-admin';
import { enrolYubikey } from '../../electron/auth/yubikey-enrolment';
import type { Actor } from '../../electron/store/actor';
import { refusal } from '../electron/auth/auth-harness';
import { newClient, SimulatedYubikey } from '../server/otp/yubikey-support';
import { strongTestPassword } from '../support/staff-over-api';
import { person } from './clinic-staff';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from './sync-harness';

let server: SyncServer;
let a: SyncDesk;
let b: SyncDesk;
let authA: AuthContext;
let authB: AuthContext;
const yubikey = new SimulatedYubikey('vvccccdkbfhu');
const login = 'otp.person';
const password = strongTestPassword();

/** A desk with a YK-VAL client of its own (linking a key at enrolment asks YK-VAL). */
async function withAuthority(desk: SyncDesk): Promise<AuthContext> {
  const client = await newClient(server.db);
  writeOtpClient(desk.store, { clientId: client.id, apiKey: client.apiKey });
  return { ...desk.ctx.auth, verifyOtp: otpAuthority(desk.store) };
}

/**
 * Sign-in on the real clock: the OTP goes with the attempt's session statement, which the server
 * checks against its own time.
 */
const live = (auth: AuthContext): AuthContext => ({ ...auth, clock: { now: () => new Date() } });

beforeAll(async () => {
  server = await startSyncServer();
  a = await openSyncDesk(server, 'desk-a');
  b = await openSyncDesk(server, 'desk-b');
  authA = await withAuthority(a);
  authB = await withAuthority(b);
  // The clinic's admin (bootstrapped by desk A) adds a person and links the YubiKey that the
  // server's admin registered for them; the account reaches desk B through the server.
  const adminRow = a.store.transaction((tx) =>
    tx.get<{ id: string; display_name: string }>("SELECT id, display_name FROM staff WHERE role = 'admin'"),
  );
  if (!adminRow) throw new Error('no admin on desk A');
  const admin: Actor = person(a, adminRow.id, 'admin', adminRow.display_name);
  const { staff } = await createStaff(authA, admin, { login, displayName: 'Отпова Ольга', role: 'clerk', password });
  await yubikey.register(server.db, staff.id);
  await enrolYubikey(authA, admin, { staffId: staff.id, name: 'YubiKey 5', otp: yubikey.press() });
  await a.sync();
  await b.sync();
}, 60_000);
afterAll(async () => {
  await a.cleanup();
  await b.cleanup();
  await server.stop();
});

async function otpStep(desk: AuthContext, otp: string) {
  const auth = live(desk);
  const step = await beginSignIn(auth, { login, password });
  expect(step.otp).toBe(true);
  return finishSignInWithOtp(auth, { attemptId: step.attemptId, otp });
}

describe('YubiKey OTP sign-in across desks (A2; issue 10: the server answers with a ticket)', () => {
  it('signs in at one desk, and the same OTP replayed at a second desk is refused by the server', async () => {
    const otp = yubikey.press();
    expect(await otpStep(authA, otp)).toMatchObject({
      login,
      factor: 'yubikey-otp',
      proven: { proven: { proof: { kind: 'ticket', factor: 'yubikey-otp' } } },
    });
    expect(await refusal(otpStep(authB, otp))).toMatchObject({
      code: 'factor.otp.refused',
      message: { ru: expect.stringContaining('Осталось попыток: 4') },
    });
    // The next touch is a new OTP: the person is let in at the second desk too.
    expect(await otpStep(authB, yubikey.press())).toMatchObject({ login, factor: 'yubikey-otp' });
  });

  it('takes an OTP typed with the Russian keyboard layout on', async () => {
    const russian = yubikey
      .press()
      .replace(/[cbdefghijklnrtuv]/g, (letter) => 'сивуапршолдткегм'['cbdefghijklnrtuv'.indexOf(letter)] ?? letter);
    expect(await otpStep(authA, russian)).toMatchObject({ factor: 'yubikey-otp' });
  });

  it('refuses another YubiKey registered on the server but not linked to this person', async () => {
    const stranger = await new SimulatedYubikey('vvccccdkbfhv').register(server.db, 'someone-else');
    expect(await refusal(otpStep(authA, stranger.press()))).toMatchObject({ code: 'factor.otp.wrong_key' });
  });

  it('an enrolled desk needs no YK-VAL client to sign in: the server checks the OTP itself', async () => {
    const auth = live(a.ctx.auth);
    const step = await beginSignIn(auth, { login, password });
    expect(await finishSignInWithOtp(auth, { attemptId: step.attemptId, otp: yubikey.press() })).toMatchObject({
      factor: 'yubikey-otp',
    });
  });

  it('refuses malformed OTPs before anything leaves the desk', async () => {
    const step = await beginSignIn(authA, { login, password });
    expect(await refusal(finishSignInWithOtp(authA, { attemptId: step.attemptId, otp: 'short' }))).toMatchObject({
      code: 'yubikey.otp.length',
      field: 'otp',
    });
    expect(await refusal(finishSignInWithOtp(authA, { attemptId: step.attemptId, otp: 'x'.repeat(44) }))).toMatchObject(
      { code: 'yubikey.otp.alphabet' },
    );
  });
});
